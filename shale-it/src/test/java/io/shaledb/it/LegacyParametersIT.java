package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The pre-expression parameters older applications still send: Expected, ConditionalOperator, AttributeUpdates. */
@ShaleDbTest
class LegacyParametersIT {
  private final DynamoDbClient client;
  private String table;

  LegacyParametersIT(DynamoDbClient client) {
    this.client = client;
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("k"));

  @BeforeEach
  void createItem() {
    table = Tables.createSimple(client, "legacy");
    client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("k"), "n", n("5"),
        "tags", AttributeValue.fromSs(List.of("a", "b")))));
  }

  private static ExpectedAttributeValue compare(ComparisonOperator operator, AttributeValue... values) {
    return ExpectedAttributeValue.builder().comparisonOperator(operator).attributeValueList(values).build();
  }

  @Test
  void expected_existsAndValue() {
    assertThatCode(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("k2")))
        .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build())))).doesNotThrowAnyException();
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(KEY)
        .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build()))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    assertThatCode(() -> client.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("k2")))
        .expected(Map.of("id", ExpectedAttributeValue.builder().value(AttributeValue.fromS("k2")).build()))))
        .doesNotThrowAnyException();
  }

  @Test
  void expected_comparisonOperators_andConditionalOperator() {
    assertThat(holds(Map.of("n", compare(ComparisonOperator.BETWEEN, n("1"), n("9"))), null)).isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.GT, n("5"))), null)).isFalse();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.IN, n("4"), n("5"))), null)).isTrue();
    assertThat(holds(Map.of("tags", compare(ComparisonOperator.CONTAINS, AttributeValue.fromS("a"))), null)).isTrue();
    assertThat(holds(Map.of("absent", compare(ComparisonOperator.NULL)), null)).isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.NOT_NULL)), null)).isTrue();
    assertThat(holds(Map.of("absent", compare(ComparisonOperator.NOT_CONTAINS, AttributeValue.fromS("a"))), null))
        .isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.EQ, n("6")), "id",
        compare(ComparisonOperator.BEGINS_WITH, AttributeValue.fromS("k"))), ConditionalOperator.OR)).isTrue();
    assertThat(holds(Map.of("n", compare(ComparisonOperator.EQ, n("6")), "id",
        compare(ComparisonOperator.BEGINS_WITH, AttributeValue.fromS("k"))), ConditionalOperator.AND)).isFalse();
  }

  private boolean holds(Map<String, ExpectedAttributeValue> expected, ConditionalOperator operator) {
    try {
      client.updateItem(r -> r.tableName(table).key(KEY).expected(expected).conditionalOperator(operator)
          .attributeUpdates(Map.of("touched", AttributeValueUpdate.builder().value(n("1")).build())));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Test
  void attributeUpdates_putAddDelete() {
    client.updateItem(r -> r.tableName(table).key(KEY).attributeUpdates(Map.of(
        "n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build(),
        "tags", AttributeValueUpdate.builder().action(AttributeAction.DELETE)
            .value(AttributeValue.fromSs(List.of("a"))).build(),
        "list", AttributeValueUpdate.builder().action(AttributeAction.ADD)
            .value(AttributeValue.fromL(List.of(n("1")))).build(),
        "put", AttributeValueUpdate.builder().value(AttributeValue.fromS("p")).build())));
    client.updateItem(r -> r.tableName(table).key(KEY).attributeUpdates(Map.of(
        "put", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
        "list", AttributeValueUpdate.builder().action(AttributeAction.ADD)
            .value(AttributeValue.fromL(List.of(n("2")))).build())));

    assertThat(client.getItem(r -> r.tableName(table).key(KEY)).item()).isEqualTo(Map.of(
        "id", AttributeValue.fromS("k"), "n", n("7"), "tags", AttributeValue.fromSs(List.of("b")),
        "list", AttributeValue.fromL(List.of(n("1"), n("2")))));
  }

  @Test
  void invalidLegacyUse_hasDynamoDbMessages() {
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(KEY)
        .expected(Map.of("a", ExpectedAttributeValue.builder().build()))))
        .as("a malformed Expected condition is request validation, enveloped on PutItem")
        .hasMessageStartingWith("1 validation error detected: One or more parameter values were invalid: Value must"
            + " be provided when Exists is null for Attribute: a");
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(KEY)
        .expected(Map.of("a", compare(ComparisonOperator.BETWEEN, n("1"))))))
        .hasMessageStartingWith("1 validation error detected: One or more parameter values were invalid: Invalid"
            + " number of argument(s) for the BETWEEN ComparisonOperator");
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(KEY).conditionExpression("attribute_exists(id)")
        .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build()))))
        .hasMessageStartingWith("1 validation error detected: Can not use both expression and non-expression"
            + " parameters in the same request: Non-expression parameters: {Expected}"
            + " Expression parameters: {ConditionExpression}");
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName(table).key(KEY).updateExpression("REMOVE n")
        .attributeUpdates(Map.of("x", AttributeValueUpdate.builder().value(n("1")).build()))))
        .hasMessageStartingWith("1 validation error detected: Can not use both expression and non-expression"
            + " parameters in the same request: Non-expression parameters: {AttributeUpdates}"
            + " Expression parameters: {UpdateExpression}");
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName(table).key(KEY).attributeUpdates(Map.of(
        "id", AttributeValueUpdate.builder().value(AttributeValue.fromS("other")).build()))))
        .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute id. This"
            + " attribute is part of the key");
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName(table).key(KEY).attributeUpdates(Map.of(
        "x", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromS("s")).build()))))
        .hasMessageStartingWith("One or more parameter values were invalid: ADD action is not supported for the"
            + " type S");
  }
}
