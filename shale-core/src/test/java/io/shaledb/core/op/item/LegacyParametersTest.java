package io.shaledb.core.op.item;

import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.AttributeAction;
import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.expr.eval.UpdateApplier;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The legacy Expected and AttributeUpdates parameters, translated into the trees the expression evaluators run.
 * Outcomes and messages are DynamoDB's as LegacyParametersIT checks them through the SDK, and as dynalite's tests
 * record the other legacy messages.
 */
class LegacyParametersTest {
  private static final Map<String, AttributeValue> ITEM = Map.of("id", s("k"), "n", n(5), "tags", ss("a", "b"));

  private static ExpectedCondition compare(ComparisonOperator operator, AttributeValue... values) {
    return new ExpectedCondition(null, null, Choice.of(operator), List.of(values));
  }

  private static boolean holds(Map<String, ExpectedCondition> expected, ConditionalOperator operator) {
    return ConditionEvaluator.test(LegacyParameters.condition(expected,
        operator == null ? null : Choice.of(operator)), ITEM);
  }

  @ParameterizedTest
  @CsvSource({
    "EQ, 5, true", "EQ, 6, false", "NE, 6, true", "LT, 6, true", "LE, 5, true", "GT, 5, false", "GE, 5, true",
  })
  void comparisonOperators_onANumber(ComparisonOperator operator, String value, boolean expected) {
    assertThat(holds(Map.of("n", compare(operator, n(value))), null)).isEqualTo(expected);
  }

  @Test
  void otherOperators() {
    assertThat(holds(Map.of("n", compare(ComparisonOperator.BETWEEN, n(1), n(9))), null)).isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.IN, n(4), n(5))), null)).isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.IN, n(4), n(6))), null)).isFalse();
    assertThat(holds(Map.of("tags", compare(ComparisonOperator.CONTAINS, s("a"))), null)).isTrue();
    assertThat(holds(Map.of("tags", compare(ComparisonOperator.NOT_CONTAINS, s("a"))), null)).isFalse();
    assertThat(holds(Map.of("absent", compare(ComparisonOperator.NOT_CONTAINS, s("a"))), null)).isTrue();
    assertThat(holds(Map.of("absent", compare(ComparisonOperator.NULL)), null)).isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.NOT_NULL)), null)).isTrue();
    assertThat(holds(Map.of("id", compare(ComparisonOperator.BEGINS_WITH, s("k"))), null)).isTrue();
  }

  @Test
  void existsAndValue_withoutAnOperator() {
    assertThat(holds(Map.of("id", new ExpectedCondition(null, false, null, null)), null)).isFalse();
    assertThat(holds(Map.of("absent", new ExpectedCondition(null, false, null, null)), null)).isTrue();
    assertThat(holds(Map.of("n", new ExpectedCondition(n(5), null, null, null)), null)).isTrue();
    assertThat(holds(Map.of("n", new ExpectedCondition(n(5), true, null, null)), null)).isTrue();
    assertThat(holds(Map.of("n", new ExpectedCondition(n(6), true, null, null)), null)).isFalse();
  }

  @Test
  void conditionalOperator_joinsTheConditions_andByDefault() {
    Map<String, ExpectedCondition> oneOfTwo = Map.of("n", compare(ComparisonOperator.EQ, n(6)),
        "id", compare(ComparisonOperator.BEGINS_WITH, s("k")));

    assertThat(holds(oneOfTwo, ConditionalOperator.OR)).isTrue();
    assertThat(holds(oneOfTwo, ConditionalOperator.AND)).isFalse();
    assertThat(holds(oneOfTwo, null)).isFalse();
    assertThat(LegacyParameters.condition(Map.of(), null)).isNull();
    assertThat(LegacyParameters.condition(null, null)).isNull();
  }

  @Test
  void invalidExpected_haveDynamoDbsMessages() {
    assertThatThrownBy(() -> holds(Map.of("a", new ExpectedCondition(null, null, null, null)), null))
        .hasMessage("One or more parameter values were invalid: Value must be provided when Exists is null for"
            + " Attribute: a");
    assertThatThrownBy(() -> holds(Map.of("a", compare(ComparisonOperator.BETWEEN, n(1))), null))
        .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN"
            + " ComparisonOperator");
    assertThatThrownBy(() -> holds(Map.of("a", compare(ComparisonOperator.NULL, n(1))), null))
        .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the NULL"
            + " ComparisonOperator");
    assertThatThrownBy(() -> holds(Map.of("a", new ExpectedCondition(n(1), false, null, null)), null))
        .hasMessage("One or more parameter values were invalid: Value cannot be used when Exists is false for"
            + " Attribute: a");
    assertThatThrownBy(() -> holds(Map.of("a", new ExpectedCondition(n(1), null, Choice.of(ComparisonOperator.EQ),
        List.of(n(1)))), null))
        .hasMessage("One or more parameter values were invalid: Value and AttributeValueList cannot be used together"
            + " for Attribute: a");
    assertThatThrownBy(() -> holds(Map.of("a", new ExpectedCondition(null, true, Choice.of(ComparisonOperator.EQ),
        List.of(n(1)))), null))
        .hasMessage("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together"
            + " for Attribute: a");
    assertThatThrownBy(() -> holds(Map.of("a", compare(ComparisonOperator.IN, n(1), s("1"))), null))
        .hasMessage("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of"
            + " same type");
    assertThatThrownBy(() -> holds(Map.of("a", compare(ComparisonOperator.BETWEEN, n(9), n(1))), null))
        .hasMessage("The BETWEEN condition was provided a range where the lower bound is greater than the upper"
            + " bound");
  }

  @Test
  void attributeUpdates_putDeleteAndAdd() {
    Map<String, AttributeUpdate> updates = new LinkedHashMap<>();
    updates.put("put", new AttributeUpdate(s("p"), null));
    updates.put("n", new AttributeUpdate(n(2), Choice.of(AttributeAction.ADD)));
    updates.put("tags", new AttributeUpdate(ss("a"), Choice.of(AttributeAction.DELETE)));
    updates.put("list", new AttributeUpdate(l(n(1)), Choice.of(AttributeAction.ADD)));
    updates.put("id2", new AttributeUpdate(null, Choice.of(AttributeAction.DELETE)));

    Map<String, AttributeValue> updated = UpdateApplier.apply(LegacyParameters.update(updates),
        Map.of("id", s("k"), "n", n(5), "tags", ss("a", "b"), "id2", s("x")));

    assertThat(updated).isEqualTo(Map.of("id", s("k"), "n", n(7), "tags", ss("b"), "put", s("p"),
        "list", l(n(1))));
    assertThat(UpdateApplier.apply(LegacyParameters.update(Map.of("list", new AttributeUpdate(l(n(2)),
        Choice.of(AttributeAction.ADD)))), updated).get("list")).as("ADD appends to a list")
        .isEqualTo(l(n(1), n(2)));
  }

  @Test
  void invalidAttributeUpdates_haveDynamoDbsMessages() {
    assertThatThrownBy(() -> LegacyParameters.update(Map.of("x", new AttributeUpdate(s("s"),
        Choice.of(AttributeAction.ADD))))).hasMessage("One or more parameter values were invalid: ADD action is not"
            + " supported for the type S");
    assertThatThrownBy(() -> LegacyParameters.update(Map.of("x", new AttributeUpdate(null, null))))
        .hasMessage("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value"
            + " is specified");
    assertThatThrownBy(() -> LegacyParameters.update(Map.of("x", new AttributeUpdate(n(1),
        Choice.of(AttributeAction.DELETE))))).hasMessage("One or more parameter values were invalid: DELETE action"
            + " with value is not supported for the type N");
  }
}
