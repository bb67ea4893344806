package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

@ShaleDbTest
class TableLifecycleIT {
  private final DynamoDbClient client;

  TableLifecycleIT(DynamoDbClient client) {
    this.client = client;
  }

  @Test
  void createTable_provisioned_isDescribedCompletely() {
    String name = Tables.unique("provisioned");
    Instant before = Instant.now().minusSeconds(1);

    CreateTableResponse created = client.createTable(r -> r.tableName(name)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L)));
    client.waiter().waitUntilTableExists(r -> r.tableName(name));
    TableDescription table = client.describeTable(r -> r.tableName(name)).table();

    assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.tableName()).isEqualTo(name);
    assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
    assertThat(table.tableId()).matches("[0-9a-f-]{36}");
    assertThat(table.creationDateTime()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    assertThat(table.keySchema()).containsExactly(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE));
    assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
        Tables.definition("pk", ScalarAttributeType.S), Tables.definition("sk", ScalarAttributeType.N));
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    assertThat(table.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(table.itemCount()).isZero();
    assertThat(table.tableSizeBytes()).isZero();
    assertThat(table.deletionProtectionEnabled()).isFalse();
  }

  @Test
  void describeTable_countsItemsAndBytes() {
    String name = Tables.createSimple(client, "stats");
    client.putItem(r -> r.tableName(name).item(Map.of("id", AttributeValue.fromS("a"), "v",
        AttributeValue.fromS("xyz"))));
    client.putItem(r -> r.tableName(name).item(Map.of("id", AttributeValue.fromS("b"))));
    client.putItem(r -> r.tableName(name).item(Map.of("id", AttributeValue.fromS("b"))));

    TableDescription table = client.describeTable(r -> r.tableName(name)).table();

    assertThat(table.itemCount()).isEqualTo(2);
    assertThat(table.tableSizeBytes()).isEqualTo((2 + 1 + 1 + 3) + (2 + 1));
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNotNull();
    assertThat(table.provisionedThroughput().readCapacityUnits()).isZero();
  }

  @Test
  void deleteTable_removesTableAndItems() {
    String name = Tables.createSimple(client, "deleted");
    client.putItem(r -> r.tableName(name).item(Map.of("id", AttributeValue.fromS("a"))));

    DeleteTableResponse deleted = client.deleteTable(r -> r.tableName(name));
    client.waiter().waitUntilTableNotExists(r -> r.tableName(name));

    assertThat(deleted.tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(deleted.tableDescription().itemCount()).isEqualTo(1);
    assertThatThrownBy(() -> client.describeTable(r -> r.tableName(name)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: Table: " + name + " not found");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)));
    assertThat(client.getItem(r -> r.tableName(name).key(Map.of("id", AttributeValue.fromS("a")))).hasItem())
        .as("a recreated table starts empty").isFalse();
  }

  @Test
  void listTables_pagesInNameOrder() {
    String prefix = Tables.unique("list");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = prefix + "-" + i;
      names.add(name);
      client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH)));
    }

    ListTablesResponse first = client.listTables(r -> r.exclusiveStartTableName(prefix).limit(2));
    ListTablesResponse second = client.listTables(r -> r.exclusiveStartTableName(first.lastEvaluatedTableName())
        .limit(2));
    List<String> all = client.listTablesPaginator().tableNames().stream().toList();

    assertThat(first.tableNames()).containsExactly(names.get(0), names.get(1));
    assertThat(first.lastEvaluatedTableName()).isEqualTo(names.get(1));
    assertThat(second.tableNames()).containsExactly(names.get(2), names.get(3));
    assertThat(all).containsAll(names).isSorted();
  }

  @Test
  void updateTable_changesBillingAndThroughput() {
    String name = Tables.createSimple(client, "update");

    TableDescription provisioned = client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))).tableDescription();
    TableDescription lowered = client.updateTable(r -> r.tableName(name)
        .provisionedThroughput(p -> p.readCapacityUnits(4L).writeCapacityUnits(10L))).tableDescription();
    TableDescription described = client.describeTable(r -> r.tableName(name)).table();

    assertThat(provisioned.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(provisioned.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(lowered.provisionedThroughput().readCapacityUnits()).isEqualTo(4L);
    assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(described.provisionedThroughput().numberOfDecreasesToday()).isEqualTo(1);
    assertThat(described.provisionedThroughput().lastDecreaseDateTime()).isNotNull();
  }

  @Test
  void tags_canBeAddedListedAndRemoved() {
    String name = Tables.createSimple(client, "tags");
    String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();

    client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("test").build(),
        Tag.builder().key("team").value("db").build()));
    client.untagResource(r -> r.resourceArn(arn).tagKeys("team", "absent"));

    assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
        .containsExactly(Tag.builder().key("env").value("test").build());
  }

  @Test
  void describeLimits_andEndpoints_answer() {
    DescribeLimitsResponse limits = client.describeLimits(r -> { });

    assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000L);
    assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
    assertThat(client.describeEndpoints(r -> { }).endpoints()).hasSize(1);
  }
}
