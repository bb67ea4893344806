package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.MutableClock;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throughput enforcement through the SDK, on a server started with {@code --capacity enforce} whose clock the test
 * moves: nothing here waits for time to pass. Messages are DynamoDB's as the API reference lists them
 * (TransactGetItems, CancellationReasons).
 */
class CapacityIT {
  private static final String TABLE_THROTTLED = "The level of configured provisioned throughput for the table was"
      + " exceeded. Consider increasing your provisioning level with the UpdateTable API.";
  /** About 100 KB: 25 read units strongly consistent, 100 write units. */
  private static final String LARGE = "x".repeat(100 * 1024 - 100);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final ShaleDbServer server;
  /** Retries nothing, so that each throttled call is seen as the service answered it. */
  private final DynamoDbClient client;

  CapacityIT() throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withClock(clock)
        .withCapacity(CapacityMode.ENFORCE));
    client = clientFor(server.endpoint(), null);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** A client with the SDK's default retry strategy and {@code interceptor}; with none, one that never retries. */
  private static DynamoDbClient clientFor(URI endpoint, ExecutionInterceptor interceptor) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> {
          if (interceptor == null) {
            o.retryStrategy(AwsRetryStrategy.doNotRetry());
          } else {
            o.addExecutionInterceptor(interceptor);
          }
        })
        .build();
  }

  private String provisioned(long read, long write) {
    String name = Tables.unique("capacity");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)));
    return name;
  }

  private static Map<String, AttributeValue> item(String id, String payload) {
    return Map.of("id", AttributeValue.fromS(id), "payload", AttributeValue.fromS(payload));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  /** Strongly consistent reads of a one-unit item until one is throttled; how many were served. */
  private int smallReadsUntilThrottled(String table) {
    for (int i = 0; i < 100; i++) {
      try {
        client.getItem(r -> r.tableName(table).key(key("small")).consistentRead(true));
      } catch (ProvisionedThroughputExceededException e) {
        return i;
      }
    }
    return 100;
  }

  /** Strongly consistent reads of a 25-unit item until one is throttled; how many were served. */
  private int largeReadsUntilThrottled(String table, int atMost) {
    for (int i = 0; i < atMost; i++) {
      try {
        client.getItem(r -> r.tableName(table).key(key("large")).consistentRead(true));
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_THROTTLED);
        return i;
      }
    }
    return atMost;
  }

  @Test
  void getItem_fiveUnitTable_servesFiveUnitsASecondPlusItsBurstThenThrottles() {
    String table = provisioned(5, 1_000);
    client.putItem(r -> r.tableName(table).item(item("small", "s")));
    assertThat(smallReadsUntilThrottled(table)).as("the first second's units").isEqualTo(5);
    clock.advance(Duration.ofSeconds(1));
    for (int second = 0; second < 5; second++) {
      for (int read = 0; read < 5; read++) {
        client.getItem(r -> r.tableName(table).key(key("small")).consistentRead(true));
      }
      assertThatThrownBy(() -> client.getItem(r -> r.tableName(table).key(key("small")).consistentRead(true)))
          .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_THROTTLED);
            assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
                .containsExactly("TableReadProvisionedThroughputExceeded");
            assertThat(e.throttlingReasons().getFirst().resource()).endsWith(":table/" + table);
          });
      clock.advance(Duration.ofSeconds(1));
    }

    client.putItem(r -> r.tableName(table).item(item("large", LARGE)));
    clock.advance(Duration.ofMinutes(10));
    // 300 seconds of 5 units are 1,500: sixty 25-unit reads, the last of which overdraws nothing.
    assertThat(largeReadsUntilThrottled(table, 100)).isEqualTo(60);
  }

  @Test
  void putItem_throttledWithTheSdksDefaultRetries_succeedsOnceCapacityRefills() {
    String table = provisioned(1, 1);
    AtomicInteger attempts = new AtomicInteger();
    // Moves the server's clock a second on each retry, where the SDK would have waited in real time.
    ExecutionInterceptor refillOnRetry = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (attempts.incrementAndGet() > 1) {
          clock.advance(Duration.ofSeconds(1));
        }
      }
    };
    client.putItem(r -> r.tableName(table).item(item("first", "f")));
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("second", "s"))))
        .isInstanceOf(ProvisionedThroughputExceededException.class);

    try (DynamoDbClient retrying = clientFor(server.endpoint(), refillOnRetry)) {
      retrying.putItem(r -> r.tableName(table).item(item("second", "s")));
    }

    assertThat(attempts).hasValue(2);
    assertThat(client.getItem(r -> r.tableName(table).key(key("second"))).item()).isNotEmpty();
  }

  /** PutItems of 10-unit items with these ids until one is throttled; how many succeeded. */
  private int putsUntilThrottled(String table, List<String> ids) {
    String tenUnits = "x".repeat(10 * 1024 - 100);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      try {
        client.putItem(r -> r.tableName(table).item(item(id, tenUnits)));
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
            .containsExactly("TableWriteKeyRangeThroughputExceeded");
        return i;
      }
    }
    return ids.size();
  }

  @Test
  void putItem_hotKeyThrottlesAtItsPartitionWhileUniformKeysAtTheSameRateDoNot() {
    String hot = provisioned(100, 2_000);
    String uniform = provisioned(100, 2_000);

    // 1,100 write units in the same second: over one key's 1,000, within the tables' 2,000.
    assertThat(putsUntilThrottled(hot, Collections.nCopies(110, "same"))).isEqualTo(100);
    assertThat(putsUntilThrottled(uniform, IntStream.range(0, 110).mapToObj(i -> "k" + i).toList()))
        .isEqualTo(110);
  }

  @Test
  void batchAndTransaction_onAHotPartitionOfAWellProvisionedTable_leaveItsItemUnprocessedAndCancel() {
    String table = provisioned(100, 3_000);
    assertThat(putsUntilThrottled(table, Collections.nCopies(110, "same"))).isEqualTo(100);
    List<WriteRequest> puts = Stream.of("same", "k1", "k2", "k3", "k4").map(id -> WriteRequest.builder()
        .putRequest(PutRequest.builder().item(item(id, "v")).build()).build()).toList();

    // The table holds 2,000 of its 3,000 units; only the partition of "same" is spent.
    List<WriteRequest> unprocessed = client.batchWriteItem(r -> r.requestItems(Map.of(table, puts)))
        .unprocessedItems().get(table);
    assertThat(unprocessed).extracting(w -> w.putRequest().item().get("id").s()).contains("same").hasSizeLessThan(5);
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(item("same", "v"))).build();
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(put)))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
            .extracting(CancellationReason::code).containsExactly("ProvisionedThroughputExceeded"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.batchWriteItem(r -> r.requestItems(Map.of(table, unprocessed))).unprocessedItems()).isEmpty();
  }

  @Test
  void transactWriteItems_onOneKey_spendItsPartitionAsPutItemsDo() {
    String table = provisioned(100, 3_000);
    String tenUnits = "x".repeat(10 * 1024 - 100);
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(item("same", tenUnits)))
        .build();
    // Transactions pay twice: fifty of them are the 1,000 write units of the key's partition, a third of the table's.
    for (int i = 0; i < 50; i++) {
      client.transactWriteItems(r -> r.transactItems(put));
    }

    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("same", "v"))))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(e.throttlingReasons())
            .extracting(ThrottlingReason::reason).containsExactly("TableWriteKeyRangeThroughputExceeded"));
  }

  @Test
  void putItem_conditionFails_consumesTheExistingItemsWriteUnitsFromTheTable() {
    String table = provisioned(100, 100);
    client.putItem(r -> r.tableName(table).item(item("large", LARGE)));
    clock.advance(Duration.ofSeconds(1));

    // The attempted item is small; the failed write is charged the 100 units of the item it found.
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("large", "small"))
        .conditionExpression("attribute_not_exists(id)")))
        .isInstanceOf(ConditionalCheckFailedException.class);

    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("other", "v"))))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_THROTTLED));
    clock.advance(Duration.ofSeconds(1));
    client.putItem(r -> r.tableName(table).item(item("other", "v")));
  }

  @Test
  void batchWriteItem_overCapacity_returnsUnprocessedItemsThatResendingDrains() {
    String table = provisioned(100, 5);
    List<WriteRequest> puts = IntStream.range(0, 20).mapToObj(i -> WriteRequest.builder()
        .putRequest(PutRequest.builder().item(item("k" + i, "v")).build()).build()).toList();

    BatchWriteItemResponse first = client.batchWriteItem(r -> r.requestItems(Map.of(table, puts)));
    assertThat(first.unprocessedItems().get(table)).hasSize(15);

    Map<String, List<WriteRequest>> pending = first.unprocessedItems();
    int rounds = 0;
    while (!pending.isEmpty()) {
      assertThat(++rounds).as("rounds of resending").isLessThan(10);
      clock.advance(Duration.ofSeconds(1));
      Map<String, List<WriteRequest>> resend = pending;
      pending = client.batchWriteItem(r -> r.requestItems(resend)).unprocessedItems();
    }
    assertThat(rounds).isEqualTo(3);
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.scan(r -> r.tableName(table)).count()).isEqualTo(20);
  }

  @Test
  void batchWriteItem_tableWithoutCapacity_failsWholeWithProvisionedThroughputExceeded() {
    String table = provisioned(100, 1);
    client.putItem(r -> r.tableName(table).item(item("k", "v")));

    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(WriteRequest.builder()
        .putRequest(PutRequest.builder().item(item("k2", "v")).build()).build())))))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_THROTTLED));
  }

  @Test
  void batchGetItem_overCapacity_returnsUnprocessedKeys() {
    String table = provisioned(3, 100);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String id = "k" + i;
      client.putItem(r -> r.tableName(table).item(item(id, "v")));
      keys.add(key(id));
    }

    BatchGetItemResponse read = client.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));

    assertThat(read.responses().get(table)).hasSize(3);
    assertThat(read.unprocessedKeys().get(table).keys()).containsExactlyElementsOf(keys.subList(3, 6));
  }

  @Test
  void query_overCapacity_throttlesThePage() {
    String table = provisioned(1, 100);
    client.putItem(r -> r.tableName(table).item(item("large", LARGE)));
    client.query(r -> r.tableName(table).keyConditionExpression("id = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("large"))));

    assertThatThrownBy(() -> client.scan(r -> r.tableName(table)))
        .isInstanceOf(ProvisionedThroughputExceededException.class);
    clock.advance(Duration.ofSeconds(12));
    assertThat(client.scan(r -> r.tableName(table)).count()).isEqualTo(1);
  }

  @Test
  void transactWriteItems_onTableWithoutCapacity_isCancelledWithThrottlingReasons() {
    String table = provisioned(100, 1);
    String other = provisioned(100, 100);
    client.putItem(r -> r.tableName(table).item(item("k", "v")));

    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(other).item(item("a", "v"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("b", "v"))).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
              .containsExactly("None", "ProvisionedThroughputExceeded");
          assertThat(e.cancellationReasons().get(1).message()).isEqualTo(TABLE_THROTTLED);
        });
  }

  @Test
  void putItem_onDemandTableOverItsMaximum_answersThrottlingException() {
    String table = Tables.unique("capped");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .onDemandThroughput(t -> t.maxWriteRequestUnits(3L))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)));
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      String id = "k" + i;
      client.putItem(r -> r.tableName(table).item(item(id, "v")));
    }

    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("over", "v"))))
        .isInstanceOfSatisfying(ThrottlingException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Throughput exceeds the current capacity of your"
              + " table or index. DynamoDB is automatically scaling your table or index so please try again shortly."
              + " If exceptions persist, check if you have a hot key:"
              + " https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html");
          assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
              .containsExactly("TableWriteMaxOnDemandThroughputExceeded");
        });
    clock.advance(Duration.ofSeconds(1));
    client.putItem(r -> r.tableName(table).item(item("over", "v")));
  }

  /**
   * A provisioned table keyed by {@code id} with a global index {@code byG} on {@code g} projecting everything; the
   * table's write units are the index's.
   */
  private String withGlobalIndex(long tableRead, long write, long indexRead) {
    String table = Tables.unique("capacity");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(tableRead).writeCapacityUnits(write))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(Tables.key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(t -> t.readCapacityUnits(indexRead).writeCapacityUnits(write)).build()));
    return table;
  }

  private static Map<String, AttributeValue> indexed(String id, String g, String payload) {
    return Map.of("id", AttributeValue.fromS(id), "g", AttributeValue.fromS(g), "payload", AttributeValue.fromS(payload));
  }

  /** A hundred 10-unit items under the index key "hot" spend its index partition's 1,000 write units. */
  private void spendHotIndexPartitionsWrites(String table) {
    String tenUnits = "x".repeat(10 * 1024 - 100);
    for (int i = 0; i < 100; i++) {
      String id = "k" + i;
      client.putItem(r -> r.tableName(table).item(indexed(id, "hot", tenUnits)));
    }
  }

  /**
   * An index key whose entries land on another partition than those of "hot" whatever the index's partition count up
   * to four: one whose partition-key hash differs from hot's in its top two bits (partitions are ranges of hashes,
   * split in halves).
   */
  private static String keyOnAnotherPartitionThanHot() {
    int hot = partitionHash("hot");
    return IntStream.range(0, 100).mapToObj(i -> "cold" + i)
        .filter(key -> (partitionHash(key) >>> 30) != (hot >>> 30)).findFirst().orElseThrow();
  }

  private static int partitionHash(String key) {
    return KeyCodec.partitionHash(KeyCodec.partitionRange(0, new io.shaledb.core.model.AttributeValue.S(key)).start());
  }

  @Test
  void putItem_hotGlobalIndexKey_isThrottledAtTheIndexPartitionWhileTheTableHasCapacity() {
    String table = withGlobalIndex(100, 3_000, 100);
    // A third of the index's units.
    spendHotIndexPartitionsWrites(table);

    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("more"),
        "g", AttributeValue.fromS("hot")))))
        .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).startsWith("The level of configured provisioned throughput"
              + " for one or more global secondary indexes of the table was exceeded.");
          assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
              .containsExactly("IndexWriteKeyRangeThroughputExceeded");
          assertThat(e.throttlingReasons().getFirst().resource()).endsWith(":table/" + table + "/index/byG");
        });
    assertThat(client.getItem(r -> r.tableName(table).key(key("more")).consistentRead(true)).hasItem())
        .as("nothing written").isFalse();
  }

  @Test
  void globalIndexOnDemandThroughput_isKeptDescribedUpdatedAndThrottlesTheTablesWrites() {
    String table = Tables.unique("capacity");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(Tables.key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .onDemandThroughput(o -> o.maxWriteRequestUnits(5L)).build()));
    assertThat(indexOnDemandThroughput(table)).isEqualTo(OnDemandThroughput.builder().maxReadRequestUnits(-1L)
        .maxWriteRequestUnits(5L).build());
    for (int i = 0; i < 5; i++) {
      client.putItem(indexed(table, "k" + i));
    }

    assertThatThrownBy(() -> client.putItem(indexed(table, "over")))
        .isInstanceOfSatisfying(ThrottlingException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Throughput exceeds the current capacity for one"
              + " or more global secondary indexes. DynamoDB is automatically scaling your index so please try again"
              + " shortly.");
          assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
              .containsExactly("IndexWriteMaxOnDemandThroughputExceeded");
          assertThat(e.throttlingReasons().getFirst().resource()).endsWith(":table/" + table + "/index/byG");
        });

    client.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
        .update(x -> x.indexName("byG").onDemandThroughput(o -> o.maxWriteRequestUnits(50L))).build()));
    assertThat(indexOnDemandThroughput(table).maxWriteRequestUnits()).isEqualTo(50L);
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 20; i++) {
      client.putItem(indexed(table, "again" + i));
    }
  }

  private OnDemandThroughput indexOnDemandThroughput(String table) {
    return client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().getFirst()
        .onDemandThroughput();
  }

  private static PutItemRequest indexed(String table, String id) {
    return PutItemRequest.builder().tableName(table)
        .item(Map.of("id", AttributeValue.fromS(id), "g", AttributeValue.fromS("x"))).build();
  }

  @Test
  void updateTable_fifthDecreaseInAnHour_isRefusedUntilAnHourAfterTheLast() {
    String table = provisioned(10, 10);
    for (long read = 9; read >= 6; read--) {
      long units = read;
      client.updateTable(r -> r.tableName(table).provisionedThroughput(t -> t.readCapacityUnits(units)
          .writeCapacityUnits(10L)));
    }

    // The service's words as the ack-api-quirks lab recorded them in October 2026 (DDB-TABLE-326).
    assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table).provisionedThroughput(t -> t
        .readCapacityUnits(5L).writeCapacityUnits(10L))))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC"
                + " day. After the first 4 decreases, each subsequent decrease in the same UTC day can be performed"
                + " at most once every 3600 seconds. Number of decreases today: 4. Last decrease at Monday, June 1,"
                + " 2026 at 12:00:00 AM Coordinated Universal Time. Next decrease can be made at Monday, June 1, 2026"
                + " at 1:00:00 AM Coordinated Universal Time"));
    clock.advance(Duration.ofHours(1));
    client.updateTable(r -> r.tableName(table).provisionedThroughput(t -> t.readCapacityUnits(5L)
        .writeCapacityUnits(10L)));

    assertThat(client.describeTable(r -> r.tableName(table)).table().provisionedThroughput()
        .numberOfDecreasesToday()).isEqualTo(5);
  }

  @Test
  void updateTable_fifthSwitchToOnDemandWithinADay_isRefusedUntilTheFirstLeavesTheRollingWindow() {
    String table = provisioned(10, 10);
    for (int i = 0; i < 4; i++) {
      client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));
      client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(10L)));
      clock.advance(Duration.ofHours(1));
    }

    // The words of the service's former once-a-day rule (aws-amplify/amplify-cli#1054) with the current rule's count
    // of four a rolling day (developer guide, "Considerations when switching capacity modes in DynamoDB").
    assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Subscriber limit exceeded: Update to PayPerRequest mode are limited to 4 times in 1 day(s)."
                + " Last update at Mon Jun 01 03:00:00 UTC 2026. Next update can be made at Tue Jun 02 00:00:00 UTC"
                + " 2026"));
    clock.advance(Duration.ofHours(19).plusMinutes(59));
    assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)))
        .isInstanceOf(LimitExceededException.class);
    clock.advance(Duration.ofMinutes(1));
    client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));

    assertThat(client.describeTable(r -> r.tableName(table)).table().billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);
  }

  @Test
  void putItem_tableTaggedOff_isNeverThrottledOnAnEnforcingServer() {
    String table = Tables.unique("untagged");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .tags(Tag.builder().key("shaledb:capacity").value("off").build()));

    for (int i = 0; i < 20; i++) {
      String id = "k" + i;
      client.putItem(r -> r.tableName(table).item(item(id, LARGE)));
    }
  }

  @Test
  void query_hotGlobalIndexPartition_throttlesItsPagesWhileTheIndexsOtherPartitionsServe() {
    // Four index partitions (9,000 read units and 1,000 write units need them), each serving 3,000 read units a second.
    String table = withGlobalIndex(100, 1_000, 9_000);
    String cold = keyOnAnotherPartitionThanHot();
    for (int i = 0; i < 10; i++) {
      String id = "k" + i;
      client.putItem(r -> r.tableName(table).item(indexed(id, "hot", LARGE)));
    }
    clock.advance(Duration.ofSeconds(1));
    client.putItem(r -> r.tableName(table).item(indexed("c", cold, "v")));
    clock.advance(Duration.ofSeconds(1));

    // Each page reads the ten items, about 1 MB: 125 read units eventually consistent, so 24 spend the partition.
    int served = 0;
    for (; served < 100; served++) {
      try {
        assertThat(queryIndex(table, "hot")).isEqualTo(10);
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The level of configured provisioned throughput"
            + " for one or more global secondary indexes of the table was exceeded.");
        assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
            .containsExactly("IndexReadKeyRangeThroughputExceeded");
        assertThat(e.throttlingReasons().getFirst().resource()).endsWith(":table/" + table + "/index/byG");
        break;
      }
    }
    assertThat(served).isEqualTo(24);
    assertThat(queryIndex(table, cold)).as("another partition of the index, which has 6,000 units left").isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(queryIndex(table, "hot")).isEqualTo(10);
  }

  private int queryIndex(String table, String g) {
    return client.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(g)))).count();
  }

  @Test
  void batchWriteItem_putsOnASpentGlobalIndexPartition_areLeftUnprocessedUntilItRefills() {
    String table = withGlobalIndex(100, 3_000, 100);
    spendHotIndexPartitionsWrites(table);
    String cold = keyOnAnotherPartitionThanHot();
    List<WriteRequest> puts = IntStream.range(0, 5).mapToObj(i -> WriteRequest.builder()
        .putRequest(PutRequest.builder().item(indexed("b" + i, i < 2 ? "hot" : cold, "v")).build()).build())
        .toList();

    // The table and the index hold 2,000 of their 3,000 units; only the index partition of "hot" is spent.
    BatchWriteItemResponse written = client.batchWriteItem(r -> r.requestItems(Map.of(table, puts)));
    List<WriteRequest> unprocessed = written.unprocessedItems().get(table);
    assertThat(unprocessed).extracting(w -> w.putRequest().item().get("id").s()).containsExactly("b0", "b1");
    assertThat(client.getItem(r -> r.tableName(table).key(key("b0")).consistentRead(true)).hasItem()).isFalse();
    assertThat(client.getItem(r -> r.tableName(table).key(key("b2")).consistentRead(true)).hasItem()).isTrue();
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, unprocessed))))
        .as("nothing of it can be written").isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
            e -> assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
                .containsExactly("IndexWriteKeyRangeThroughputExceeded"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.batchWriteItem(r -> r.requestItems(Map.of(table, unprocessed))).unprocessedItems()).isEmpty();
  }

  @Test
  void createTable_onDemandMaximumOfZero_isRefusedInTheServicesWords() {
    String table = Tables.unique("zero");

    // As a Terraform user recorded the service's answer (hashicorp/terraform-provider-aws issue 39760).
    assertThatThrownBy(() -> client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .onDemandThroughput(t -> t.maxReadRequestUnits(-1L).maxWriteRequestUnits(0L))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values were invalid:"
              + " Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
        });
  }
}
