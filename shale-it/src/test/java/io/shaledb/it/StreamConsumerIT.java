package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.op.MutableClock;
import io.shaledb.junit.ShaleDbExtension;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A consumer that follows a stream from TRIM_HORIZON across shard rollovers and rebuilds the table from the records,
 * on a server whose clock the test moves (rollover every 4 hours, retention 24 hours, iterators 15 minutes).
 */
class StreamConsumerIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final ShaleDbServer server;
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;

  StreamConsumerIT() throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withClock(clock));
    client = ShaleDbExtension.clientFor(server.endpoint());
    streams = StreamsClients.forEndpoint(server.endpoint());
  }

  @AfterEach
  void stop() {
    streams.close();
    client.close();
    server.close();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private String createTable() {
    client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    return client.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
  }

  private void randomWrites(Random random, int count) {
    for (int i = 0; i < count; i++) {
      Map<String, AttributeValue> key = Map.of("id", s("o" + random.nextInt(40)));
      switch (random.nextInt(5)) {
        case 0 -> client.putItem(r -> r.tableName("orders").item(Map.of("id", key.get("id"),
            "v", s("p" + random.nextInt(1000)))));
        case 1 -> client.updateItem(r -> r.tableName("orders").key(key).updateExpression("SET v = :v")
            .expressionAttributeValues(Map.of(":v", s("u" + random.nextInt(1000)))));
        case 2 -> client.deleteItem(r -> r.tableName("orders").key(key));
        case 3 -> client.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(WriteRequest.builder()
            .putRequest(PutRequest.builder().item(Map.of("id", key.get("id"), "v", s("b"))).build()).build()))));
        default -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
            .update(u -> u.tableName("orders").key(key).updateExpression("SET t = :t")
                .expressionAttributeValues(Map.of(":t", s("t" + random.nextInt(9))))).build()));
      }
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited for the maintenance pass").isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private List<Shard> shards(String arn) {
    return streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
  }

  @Test
  void consumer_followsTheStreamAcrossRollovers_andRebuildsTheTable() throws Exception {
    String arn = createTable();
    long seed = new Random().nextLong();
    System.out.println("StreamConsumerIT seed " + seed);
    Random random = new Random(seed);
    randomWrites(random, 150);
    clock.advance(Duration.ofHours(5));
    await(() -> shards(arn).size() == 2);
    randomWrites(random, 150);
    clock.advance(Duration.ofHours(5));
    await(() -> shards(arn).size() == 3);
    randomWrites(random, 150);

    List<Shard> shards = shards(arn);
    assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
    assertThat(shards.get(2).parentShardId()).isEqualTo(shards.get(1).shardId());
    Map<String, Map<String, AttributeValue>> rebuilt = new HashMap<>();
    for (Shard shard : shards) {
      String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(7));
        for (Record record : page.records()) {
          String id = record.dynamodb().keys().get("id").s();
          if (record.eventName() == OperationType.REMOVE) {
            rebuilt.remove(id);
          } else {
            rebuilt.put(id, record.dynamodb().newImage());
          }
        }
        iterator = page.records().isEmpty() && shard.sequenceNumberRange().endingSequenceNumber() == null
            ? null : page.nextShardIterator();
      }
    }
    Map<String, Map<String, AttributeValue>> table = new HashMap<>();
    client.scanPaginator(r -> r.tableName("orders")).items().forEach(item -> table.put(item.get("id").s(), item));
    assertThat(rebuilt).isEqualTo(table);
  }

  @Test
  void iteratorsExpire_andTrimmedRecordsCannotBeRead() throws Exception {
    String arn = createTable();
    client.putItem(r -> r.tableName("orders").item(Map.of("id", s("first"))));
    String shard = shards(arn).get(0).shardId();
    String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    String firstSequence = streams.getRecords(r -> r.shardIterator(iterator)).records().get(0).dynamodb()
        .sequenceNumber();

    clock.advance(Duration.ofMinutes(16));
    assertThatThrownBy(() -> streams.getRecords(r -> r.shardIterator(iterator)))
        .isInstanceOf(ExpiredIteratorException.class);

    clock.advance(Duration.ofHours(25));
    client.putItem(r -> r.tableName("orders").item(Map.of("id", s("second"))));
    await(() -> {
      try {
        streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(firstSequence));
        return false;
      } catch (TrimmedDataAccessException trimmed) {
        return true;
      }
    });
    List<String> remaining = new ArrayList<>();
    for (Shard s : shards(arn)) {
      String it = streams.getShardIterator(r -> r.streamArn(arn).shardId(s.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      streams.getRecords(r -> r.shardIterator(it)).records()
          .forEach(record -> remaining.add(record.dynamodb().keys().get("id").s()));
    }
    assertThat(remaining).containsExactly("second");
  }
}
