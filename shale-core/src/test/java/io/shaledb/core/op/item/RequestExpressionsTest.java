package io.shaledb.core.op.item;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected messages: dynalite's validations, recorded from DynamoDB, and DynamoDB Local 3.3.1. */
class RequestExpressionsTest {
  private static final Map<String, AttributeValue> VALUES = Map.of(":a", new AttributeValue.S("x"));

  @ParameterizedTest
  @ValueSource(strings = {"#a", "#A_1", "#_", "#0"})
  void nameKey_accepted(String key) {
    assertThatCode(() -> RequestExpressions.binder(Map.of(key, "a"), null)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#", "a", ":a", "#a-b", "#a.b", "#\u00e9", "##a", "#a "})
  void nameKey_rejected(String key) {
    assertThatThrownBy(() -> RequestExpressions.binder(Map.of(key, "a"), null))
        .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {":", "v", "#v", ":v-1", "::v"})
  void valueKey_rejected(String key) {
    Map<String, AttributeValue> values = Map.of(key, new AttributeValue.S("x"));
    assertThatThrownBy(() -> RequestExpressions.binder(null, values))
        .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {":v", ":V_9", ":0"})
  void valueKey_accepted(String key) {
    Map<String, AttributeValue> values = Map.of(key, new AttributeValue.S("x"));
    assertThatCode(() -> RequestExpressions.binder(null, values)).doesNotThrowAnyException();
  }

  @Test
  void checkParameters_namesWithoutAnyExpression_rejected() {
    assertThatThrownBy(() -> RequestExpressions.checkParameters(List.of(Parameter.of("ConditionExpression", null)),
        List.of(), Map.of("#a", "a"), null))
        .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
  }

  @Test
  void checkParameters_valuesWithoutAnExpressionThatTakesValues_namesThem() {
    assertThatThrownBy(() -> RequestExpressions.checkParameters(List.of(Parameter.of("UpdateExpression", null),
        Parameter.of("ConditionExpression", null)), List.of(), null, VALUES))
        .hasMessage("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and"
            + " ConditionExpression are null");
    assertThatThrownBy(() -> RequestExpressions.checkParameters(List.of(Parameter.of("ProjectionExpression", "a"),
        Parameter.of("FilterExpression", null)), List.of(), null, VALUES))
        .as("a projection takes no values").hasMessage("ExpressionAttributeValues can only be specified when using"
            + " expressions: FilterExpression is null");
  }

  @Test
  void checkParameters_expressionsBesideLegacyMembers_listsBothInTheOperationsOrder() {
    assertThatThrownBy(() -> RequestExpressions.checkParameters(
        List.of(Parameter.of("ProjectionExpression", "a"), Parameter.of("FilterExpression", "b = :a")),
        List.of(Parameter.of("AttributesToGet", List.of("a")), Parameter.of("ScanFilter", null),
            Parameter.of("ConditionalOperator", "OR")), null, VALUES))
        .hasMessage("Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {AttributesToGet, ConditionalOperator} Expression parameters:"
            + " {ProjectionExpression, FilterExpression}");
  }
}
