package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Boundary pairs for DynamoDB's size limits: just at the limit succeeds, one byte over fails with its message. */
@ShaleDbTest
class ItemLimitsIT {
  private static final int MAX_ITEM = 400 * 1024;

  private final DynamoDbClient client;

  ItemLimitsIT(DynamoDbClient client) {
    this.client = client;
  }

  /** An item of exactly {@code size} bytes: "id" (2) + "k" (1) + "p" (1) + payload name and value. */
  private static Map<String, AttributeValue> itemOfSize(int size) {
    String payload = "x".repeat(size - 2 - 1 - 1);
    return Map.of("id", AttributeValue.fromS("k"), "p", AttributeValue.fromS(payload));
  }

  @Test
  void itemSize_upTo400KB_isAccepted_andOneByteMoreIsNot() {
    String table = Tables.createSimple(client, "itemsize");

    assertThatCode(() -> client.putItem(r -> r.tableName(table).item(itemOfSize(MAX_ITEM))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(itemOfSize(MAX_ITEM + 1))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
    assertThat(client.describeTable(r -> r.tableName(table)).table().tableSizeBytes()).isEqualTo(MAX_ITEM);
  }

  /**
   * A string inside {@code documents} documents, maps and lists in turn: {@code documents + 1} levels, the
   * attribute's own value being the first.
   */
  private static AttributeValue nested(int documents) {
    AttributeValue value = AttributeValue.fromS("leaf");
    for (int level = documents; level >= 1; level--) {
      value = level % 2 == 0 ? AttributeValue.fromL(List.of(value)) : AttributeValue.fromM(Map.of("d", value));
    }
    return value;
  }

  @Test
  void documents_nestUpTo32Levels_inItemsAndExpressionValues() {
    String table = Tables.createSimple(client, "nesting");
    String tooDeep = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
        + " supported limit";

    assertThatCode(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("k"),
        "doc", nested(31))))).doesNotThrowAnyException();
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("k"),
        "doc", nested(32))))).hasMessageStartingWith(tooDeep + " (Service: DynamoDb, Status Code: 400");
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("k")))
        .updateExpression("SET other = :v").expressionAttributeValues(Map.of(":v", nested(32)))))
        .hasMessageStartingWith(tooDeep + " (Service");
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("k")))).item())
        .containsEntry("doc", nested(31)).doesNotContainKey("other");
  }

  @Test
  void partitionKey_upTo2048Bytes_isAccepted() {
    String table = Tables.createSimple(client, "hashsize");

    assertThatCode(() -> client.putItem(r -> r.tableName(table).item(Map.of("id",
        AttributeValue.fromS("h".repeat(2048)))))).doesNotThrowAnyException();
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(Map.of("id",
        AttributeValue.fromS("h".repeat(2049))))))
        .hasMessageStartingWith("One or more parameter values were invalid: Size of hashkey has exceeded the"
            + " maximum size limit of2048 bytes");
  }

  @Test
  void sortKey_upTo1024Bytes_isAccepted() {
    String table = Tables.create(client, "rangesize", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.B);

    assertThatCode(() -> client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("p"),
        "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[1024])))))).doesNotThrowAnyException();
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("p"),
        "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[1025]))))))
        .hasMessageStartingWith("One or more parameter values were invalid: Aggregated size of all range keys has"
            + " exceeded the size limit of 1024 bytes");
  }
}
