package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity INDEXES and TOTAL on a table with a local index projecting everything and a global one
 * projecting keys only. Every figure is the one DynamoDB Local 3.3.1 answers for the same requests, which follows the
 * developer guide's rules for index writes: an entry that appears or disappears is one write, one that moves two, one
 * whose projected values change one, and an index the item is not in, or whose entry does not change, nothing; reads of
 * an index are the index's, and the table then reports 0.
 */
@ShaleDbTest
class ConsumedCapacityIT {
  private static final String GLOBAL = "by-g";
  private static final String LOCAL = "by-pk-g";

  private final DynamoDbClient client;
  private String table;

  ConsumedCapacityIT(DynamoDbClient client) {
    this.client = client;
  }

  @BeforeEach
  void createTable() {
    table = Tables.unique("capacity");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.S), Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(GLOBAL)
            .keySchema(Tables.key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName(LOCAL)
            .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("g", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
  }

  private static Map<String, AttributeValue> item(String pk, String... attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromS("1"));
    for (int i = 0; i < attributes.length; i += 2) {
      item.put(attributes[i], AttributeValue.fromS(attributes[i + 1]));
    }
    return item;
  }

  private ConsumedCapacity put(Map<String, AttributeValue> item) {
    return client.putItem(r -> r.tableName(table).item(item).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity();
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("1"));
  }

  private static Capacity units(double units) {
    return Capacity.builder().capacityUnits(units).build();
  }

  @Test
  void writes_chargeEachIndexTheEntriesTheyAddMoveChangeOrRemove() {
    assertThat(put(item("a", "g", "x"))).isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(3.0)
        .table(units(1)).localSecondaryIndexes(Map.of(LOCAL, units(1))).globalSecondaryIndexes(Map.of(GLOBAL, units(1)))
        .build());
    assertThat(put(item("a", "g", "y"))).as("the index key moved: a delete and a put in each index")
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(5.0).table(units(1))
            .localSecondaryIndexes(Map.of(LOCAL, units(2))).globalSecondaryIndexes(Map.of(GLOBAL, units(2))).build());
    assertThat(put(item("a", "g", "y", "other", "z"))).as("only the index that projects the new attribute")
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(2.0).table(units(1))
            .localSecondaryIndexes(Map.of(LOCAL, units(1))).build());
    assertThat(put(item("b"))).as("an item in no index")
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(1.0).table(units(1)).build());
    assertThat(client.deleteItem(r -> r.tableName(table).key(key("a"))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(3.0).table(units(1))
            .localSecondaryIndexes(Map.of(LOCAL, units(1))).globalSecondaryIndexes(Map.of(GLOBAL, units(1))).build());
  }

  @Test
  void total_includesTheIndexes_withoutTheirShares() {
    ConsumedCapacity total = client.putItem(r -> r.tableName(table).item(item("a", "g", "x"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(total).isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(3.0).build());
  }

  @Test
  void batchWrites_reportEachTablesShares() {
    ConsumedCapacity reported = client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("a", "g", "x")).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("b")).build()).build())))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().get(0);

    assertThat(reported).isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(4.0).table(units(2))
        .localSecondaryIndexes(Map.of(LOCAL, units(1))).globalSecondaryIndexes(Map.of(GLOBAL, units(1))).build());
  }

  @Test
  void readsOfTheTableOrAnIndex_areCharged_whereTheyRead() {
    client.putItem(r -> r.tableName(table).item(item("a", "g", "y", "other", "z")));
    client.putItem(r -> r.tableName(table).item(item("b")));

    assertThat(client.scan(r -> r.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(0.5).table(units(0.5)).build());
    assertThat(client.scan(r -> r.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(0.5).build());
    assertThat(client.scan(r -> r.tableName(table).indexName(GLOBAL)
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(0.5).table(units(0))
            .globalSecondaryIndexes(Map.of(GLOBAL, units(0.5))).build());
    assertThat(client.query(r -> r.tableName(table).indexName(LOCAL).keyConditionExpression("pk = :a")
            .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(0.5).table(units(0))
            .localSecondaryIndexes(Map.of(LOCAL, units(0.5))).build());
    assertThat(client.getItem(r -> r.tableName(table).key(key("a"))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName(table).capacityUnits(0.5).table(units(0.5)).build());
  }
}
