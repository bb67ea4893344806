package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Durability and atomicity of the default (RocksDB) server across clean restarts and SIGKILL. */
@org.junit.jupiter.api.Tag("slow") // qualified: the SDK's Tag is imported
class DurabilityIT {

  @TempDir
  Path data;

  @Test
  void cleanRestart_keepsTablesAndItems() throws Exception {
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      createTable(client, "kept");
      client.putItem(r -> r.tableName("kept").item(Map.of("id", AttributeValue.fromN("1"), "v",
          AttributeValue.fromS("one"))));
      client.tagResource(r -> r.resourceArn(arn(client, "kept")).tags(Tag.builder().key("k").value("v").build()));
      server.stop();
      assertThat(server.exitCode()).as("SIGTERM stops the server cleanly").isIn(0, 143);
    }
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      TableDescription table = client.describeTable(r -> r.tableName("kept")).table();
      assertThat(table.itemCount()).isEqualTo(1);
      assertThat(client.getItem(r -> r.tableName("kept").key(Map.of("id", AttributeValue.fromN("1")))).item())
          .containsEntry("v", AttributeValue.fromS("one"));
      assertThat(client.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags()).hasSize(1);
    }
  }

  @Test
  void sigkill_losesNoAcknowledgedWrite() throws Exception {
    WritesUntilKilled run;
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      createTable(client, "acked");
      run = WritesUntilKilled.run(server, 4, 2_000, id -> client.putItem(r -> r.tableName("acked").item(Map.of(
          "id", AttributeValue.fromN(String.valueOf(id)), "payload", AttributeValue.fromS("x".repeat(100))))));
    }
    List<Integer> acknowledged = run.acknowledged();
    assertThat(acknowledged).hasSizeGreaterThan(1_000);
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      for (int id : acknowledged) {
        assertThat(client.getItem(r -> r.tableName("acked").key(Map.of("id", AttributeValue.fromN(
            String.valueOf(id))))).hasItem()).as("acknowledged item %d", id).isTrue();
      }
      assertThat(client.describeTable(r -> r.tableName("acked")).table().itemCount())
          .isGreaterThanOrEqualTo(acknowledged.size());
    }
  }

  @Test
  void sigkill_duringTransactions_leavesEachWhollyPresentOrAbsent() throws Exception {
    WritesUntilKilled run;
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      createTable(client, "tx-a");
      createTable(client, "tx-b");
      run = WritesUntilKilled.run(server, 3, 600, n -> client.transactWriteItems(r -> r.transactItems(
          transactPut("tx-a", n * 2), transactPut("tx-a", n * 2 + 1), transactPut("tx-b", n))));
    }
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      for (int n = 0; n < run.attempted(); n++) {
        boolean a1 = exists(client, "tx-a", n * 2);
        boolean a2 = exists(client, "tx-a", n * 2 + 1);
        boolean b = exists(client, "tx-b", n);
        assertThat(a1 == a2 && a2 == b).as("transaction %d is all or nothing", n).isTrue();
        if (run.acknowledged().contains(n)) {
          assertThat(b).as("acknowledged transaction %d", n).isTrue();
        }
      }
    }
  }

  @Test
  void sigkill_neverSeparatesAChangeFromItsStreamRecord() throws Exception {
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      client.createTable(r -> r.tableName("streamed").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.N))
          .keySchema(Tables.key("id", KeyType.HASH))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
      WritesUntilKilled.run(server, 3, 500, id -> client.putItem(r -> r.tableName("streamed").item(Map.of(
          "id", AttributeValue.fromN(String.valueOf(id))))));
    }
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client();
        DynamoDbStreamsClient streams = server.streamsClient()) {
      String arn = client.describeTable(r -> r.tableName("streamed")).table().latestStreamArn();
      String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      Set<String> recorded = new HashSet<>();
      while (true) {
        String current = iterator;
        var page = streams.getRecords(r -> r.shardIterator(current));
        if (page.records().isEmpty()) {
          break;
        }
        page.records().forEach(record -> assertThat(recorded.add(record.dynamodb().keys().get("id").n()))
            .as("one record per change").isTrue());
        iterator = page.nextShardIterator();
      }
      Set<String> stored = new HashSet<>();
      client.scanPaginator(r -> r.tableName("streamed")).items().forEach(i -> stored.add(i.get("id").n()));
      assertThat(recorded).isEqualTo(stored);
    }
  }

  private static TransactWriteItem transactPut(String table, int id) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table)
        .item(Map.of("id", AttributeValue.fromN(String.valueOf(id)))).build()).build();
  }

  private static boolean exists(DynamoDbClient client, String table, int id) {
    return client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromN(String.valueOf(id)))))
        .hasItem();
  }

  private static void createTable(DynamoDbClient client, String name) {
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.N))
        .keySchema(Tables.key("id", KeyType.HASH)));
  }

  private static String arn(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table().tableArn();
  }
}
