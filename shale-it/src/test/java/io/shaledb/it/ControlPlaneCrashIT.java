package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * SIGKILL at random points of CreateTable (with local and global indexes and a stream), UpdateTable (index creation
 * and deletion, stream, deletion protection), TagResource and DeleteTable on RocksDB: after a restart every table is
 * as it was before the call that was cut, or as it is after it, never between, and every index equals the index
 * computed from its table once the builds that were interrupted have finished.
 */
@Tag("slow")
class ControlPlaneCrashIT {
  private static final int ROUNDS = 4;

  @TempDir
  Path data;

  /** What the control plane says of a table: whether it exists, its indexes, stream, protection and tags. */
  private record Shape(boolean exists, Set<String> indexes, boolean stream, boolean protectedFromDeletion,
      Set<String> tags) {
    static final Shape ABSENT = new Shape(false, Set.of(), false, false, Set.of());

    Shape withIndexes(Set<String> newIndexes) {
      return new Shape(exists, newIndexes, stream, protectedFromDeletion, tags);
    }
  }

  /** One call on one table and the table's shape before and after it. */
  private record Call(String table, String step, Shape before, Shape after) {}

  /** The calls of one worker: all acknowledged but perhaps the last, which the kill may have cut. */
  private record History(List<Call> calls, boolean lastAcknowledged) {}

  @Test
  void sigkill_duringControlPlaneCalls_leavesEveryTableBeforeOrAfter() throws Exception {
    long seed = new Random().nextLong();
    System.out.println("ControlPlaneCrashIT seed " + seed);
    Random random = new Random(seed);
    Map<String, Shape> known = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<History> histories;
      try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
        checkAfterRestart(client, known, List.of());
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<History>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          String prefix = "r" + round + "w" + w + "t";
          running.add(workers.submit(() -> work(client, prefix, killed)));
        }
        Thread.sleep(200 + random.nextInt(1_500));
        server.kill();
        killed.set(true);
        histories = new ArrayList<>();
        for (Future<History> history : running) {
          histories.add(history.get());
        }
        workers.shutdown();
      }
      try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
        checkAfterRestart(client, known, histories);
        awaitIndexesActive(client);
        for (String table : client.listTables().tableNames()) {
          checkIndexesMatchTable(client, table);
        }
      }
    }
  }

  /** Runs a table's life from creation to deletion, over and over, until the server dies. */
  private static History work(DynamoDbClient client, String prefix, AtomicBoolean killed) {
    List<Call> calls = new ArrayList<>();
    for (int n = 0; !killed.get(); n++) {
      String table = prefix + n;
      Shape shape = Shape.ABSENT;
      for (String step : List.of("create", "fill", "addIndex", "disableStreamAndProtect", "tag", "unprotect",
          "deleteIndex", "delete")) {
        Shape after = after(shape, step);
        calls.add(new Call(table, step, shape, after));
        try {
          run(client, table, step);
        } catch (RuntimeException e) {
          return new History(calls, false);
        }
        shape = after;
      }
    }
    return new History(calls, true);
  }

  private static Shape after(Shape shape, String step) {
    Set<String> indexes = new TreeSet<>(shape.indexes());
    return switch (step) {
      case "create" -> new Shape(true, Set.of("local", "global"), true, false, Set.of());
      case "fill" -> shape;
      case "addIndex" -> {
        indexes.add("online");
        yield shape.withIndexes(indexes);
      }
      case "disableStreamAndProtect" -> new Shape(true, shape.indexes(), false, true, shape.tags());
      case "tag" -> new Shape(true, shape.indexes(), shape.stream(), shape.protectedFromDeletion(),
          Set.of("owner", "stage"));
      case "unprotect" -> new Shape(true, shape.indexes(), shape.stream(), false, shape.tags());
      case "deleteIndex" -> {
        indexes.remove("global");
        yield shape.withIndexes(indexes);
      }
      case "delete" -> Shape.ABSENT;
      default -> throw new IllegalArgumentException(step);
    };
  }

  private static void run(DynamoDbClient client, String table, String step) {
    switch (step) {
      case "create" -> client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
              Tables.definition("rk", ScalarAttributeType.S), Tables.definition("l", ScalarAttributeType.S),
              Tables.definition("g", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH), Tables.key("rk", KeyType.RANGE))
          .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("local").keySchema(
              Tables.key("id", KeyType.HASH), Tables.key("l", KeyType.RANGE))
              .projection(p -> p.projectionType(ProjectionType.ALL)).build())
          .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("global")
              .keySchema(Tables.key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
              .build())
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      case "fill" -> {
        for (int batch = 0; batch < 4; batch++) {
          List<WriteRequest> puts = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            int n = batch * 25 + i;
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                "id", AttributeValue.fromS("p" + (n % 5)), "rk", AttributeValue.fromS("r" + n),
                "l", AttributeValue.fromS("l" + n), "g", AttributeValue.fromS("g" + (n % 3)),
                "o", AttributeValue.fromS("o" + (n % 4)))).build()).build());
          }
          client.batchWriteItem(r -> r.requestItems(Map.of(table, puts)));
        }
      }
      case "addIndex" -> client.updateTable(r -> r.tableName(table)
          .attributeDefinitions(Tables.definition("o", ScalarAttributeType.S))
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("online")
              .keySchema(Tables.key("o", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)))
              .build()));
      case "disableStreamAndProtect" -> client.updateTable(r -> r.tableName(table)
          .streamSpecification(s -> s.streamEnabled(false)).deletionProtectionEnabled(true));
      case "tag" -> client.tagResource(r -> r.resourceArn(arn(client, table)).tags(
          software.amazon.awssdk.services.dynamodb.model.Tag.builder().key("owner").value("ops").build(),
          software.amazon.awssdk.services.dynamodb.model.Tag.builder().key("stage").value("test").build()));
      case "unprotect" -> client.updateTable(r -> r.tableName(table).deletionProtectionEnabled(false));
      case "deleteIndex" -> client.updateTable(r -> r.tableName(table)
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("global"))
              .build()));
      case "delete" -> client.deleteTable(r -> r.tableName(table));
      default -> throw new IllegalArgumentException(step);
    }
  }

  private static String arn(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table().tableArn();
  }

  private static Shape shape(DynamoDbClient client, String table) {
    TableDescription description;
    try {
      description = client.describeTable(r -> r.tableName(table)).table();
    } catch (ResourceNotFoundException e) {
      return Shape.ABSENT;
    }
    Set<String> indexes = new TreeSet<>();
    description.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
        .forEach(indexes::add);
    description.localSecondaryIndexes().stream().map(LocalSecondaryIndexDescription::indexName)
        .forEach(indexes::add);
    boolean stream = description.streamSpecification() != null
        && Boolean.TRUE.equals(description.streamSpecification().streamEnabled());
    Set<String> tags = new TreeSet<>();
    client.listTagsOfResource(r -> r.resourceArn(description.tableArn())).tags().forEach(t -> tags.add(t.key()));
    return new Shape(true, indexes, stream, Boolean.TRUE.equals(description.deletionProtectionEnabled()), tags);
  }

  /**
   * Every table is as its last acknowledged call left it, but a table whose call was cut, which is as before or as
   * after that call. Updates {@code known} to what was found.
   */
  private static void checkAfterRestart(DynamoDbClient client, Map<String, Shape> known, List<History> histories) {
    for (History history : histories) {
      List<Call> calls = history.calls();
      for (int i = 0; i < calls.size(); i++) {
        known.put(calls.get(i).table(), calls.get(i).after());
      }
      if (!history.lastAcknowledged()) {
        Call cut = calls.get(calls.size() - 1);
        Shape found = shape(client, cut.table());
        assertThat(found).as("%s after the kill during %s", cut.table(), cut.step())
            .isIn(cut.before(), cut.after());
        known.put(cut.table(), found);
      }
    }
    for (Map.Entry<String, Shape> table : known.entrySet()) {
      assertThat(shape(client, table.getKey())).as("table %s", table.getKey()).isEqualTo(table.getValue());
    }
    assertThat(new HashSet<>(client.listTables().tableNames())).isEqualTo(known.entrySet().stream()
        .filter(e -> e.getValue().exists()).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
  }

  private static void awaitIndexesActive(DynamoDbClient client) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (String table : client.listTables().tableNames()) {
      while (client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().stream()
          .anyMatch(i -> i.indexStatus() != IndexStatus.ACTIVE)) {
        assertThat(System.nanoTime()).as("index builds of %s finish", table).isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  /** Each index holds exactly the table's items that have its key attribute. */
  private static void checkIndexesMatchTable(DynamoDbClient client, String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    client.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().forEach(items::add);
    TableDescription description = client.describeTable(r -> r.tableName(table)).table();
    Map<String, String> keyOf = new HashMap<>();
    description.globalSecondaryIndexes().forEach(i -> keyOf.put(i.indexName(), i.keySchema().get(0).attributeName()));
    description.localSecondaryIndexes().forEach(i -> keyOf.put(i.indexName(), i.keySchema().get(1).attributeName()));
    for (Map.Entry<String, String> index : keyOf.entrySet()) {
      Set<String> expected = new TreeSet<>();
      items.stream().filter(i -> i.containsKey(index.getValue()))
          .forEach(i -> expected.add(i.get("id").s() + "/" + i.get("rk").s()));
      Set<String> found = new TreeSet<>();
      client.scanPaginator(r -> r.tableName(table).indexName(index.getKey())).items()
          .forEach(i -> found.add(i.get("id").s() + "/" + i.get("rk").s()));
      assertThat(found).as("index %s of %s", index.getKey(), table).isEqualTo(expected);
    }
  }
}
