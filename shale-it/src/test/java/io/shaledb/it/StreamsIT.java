package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams and Time to Live through the SDK's DynamoDbStreamsClient. */
@ShaleDbTest
class StreamsIT {
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;

  StreamsIT(DynamoDbClient client, URI endpoint) {
    this.client = client;
    this.streams = StreamsClients.forEndpoint(endpoint);
  }

  @AfterEach
  void closeStreams() {
    streams.close();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private String streamingTable(StreamViewType view) {
    String name = Tables.unique("streamed");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(view)));
    return name;
  }

  private List<Record> readAll(String streamArn, String after) {
    StreamDescription description = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription();
    String shard = description.shards().get(0).shardId();
    String iterator = after == null
        ? streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()
        : streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
    List<Record> records = new ArrayList<>();
    while (iterator != null) {
      String current = iterator;
      GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(2));
      records.addAll(page.records());
      if (page.records().isEmpty()) {
        break;
      }
      iterator = page.nextShardIterator();
    }
    return records;
  }

  @Test
  void everyChange_writesOneRecord_withTheImagesItsViewTypeAsks() {
    String table = streamingTable(StreamViewType.NEW_AND_OLD_IMAGES);
    String arn = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();

    client.putItem(r -> r.tableName(table).item(Map.of("id", s("a"), "v", s("1"))));
    client.updateItem(r -> r.tableName(table).key(Map.of("id", s("a"))).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", s("2"))));
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("a"), "v", s("2"))));
    client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(Put.builder().tableName(table)
        .item(Map.of("id", s("b"))).build()).build()));
    client.deleteItem(r -> r.tableName(table).key(Map.of("id", s("a"))));

    List<Record> records = readAll(arn, null);

    assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY,
        OperationType.INSERT, OperationType.REMOVE);
    assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", s("1"));
    assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", s("2"));
    assertThat(records.get(3).dynamodb().keys()).isEqualTo(Map.of("id", s("a")));
    assertThat(records.get(3).dynamodb().hasNewImage()).isFalse();
    assertThat(records).allSatisfy(record -> {
      assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
      assertThat(record.awsRegion()).isEqualTo("us-east-1");
      assertThat(record.dynamodb().sequenceNumber()).matches("\\d{21}");
      assertThat(record.dynamodb().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
    });
    assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted();
    assertThat(readAll(arn, records.get(1).dynamodb().sequenceNumber())).hasSize(2);
  }

  @Test
  void disablingAndReenabling_keepsTheOldStreamReadable() {
    String table = streamingTable(StreamViewType.KEYS_ONLY);
    String first = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("x"), "v", s("1"))));

    client.updateTable(r -> r.tableName(table).streamSpecification(spec -> spec.streamEnabled(false)));
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("y"))));
    client.updateTable(r -> r.tableName(table).streamSpecification(spec -> spec.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_IMAGE)));
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("z"))));
    String second = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();

    assertThat(second).isNotEqualTo(first);
    assertThat(streams.describeStream(r -> r.streamArn(first)).streamDescription().streamStatusAsString())
        .isEqualTo("DISABLED");
    assertThat(readAll(first, null)).hasSize(1).allSatisfy(r -> assertThat(r.dynamodb().hasNewImage()).isFalse());
    assertThat(readAll(second, null)).extracting(r -> r.dynamodb().newImage().get("id").s()).containsExactly("z");
    assertThat(streams.listStreams(r -> r.tableName(table)).streams()).hasSize(2);
  }

  @Test
  void concurrentWriters_areReadExactlyOnce_inOrderPerItem() throws Exception {
    String table = streamingTable(StreamViewType.NEW_IMAGE);
    String arn = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      writers.add(pool.submit(() -> {
        for (int i = 0; i < 100; i++) {
          int version = i;
          client.putItem(r -> r.tableName(table).item(Map.of("id", s("item" + (version % 5) + "-" + writer),
              "version", AttributeValue.fromN(String.valueOf(version)))));
        }
        return null;
      }));
    }
    for (Future<?> f : writers) {
      f.get();
    }
    pool.shutdown();
    List<Record> records = readAll(arn, null);
    assertThat(records).hasSize(400);
    Map<String, Integer> lastVersion = new HashMap<>();
    for (Record record : records) {
      String id = record.dynamodb().newImage().get("id").s();
      int version = Integer.parseInt(record.dynamodb().newImage().get("version").n());
      assertThat(version).as("order of %s", id).isGreaterThan(lastVersion.getOrDefault(id, -1));
      lastVersion.put(id, version);
    }
  }

  @Test
  void timeToLive_deletesExpiredItems_andStreamsTheirRemoval() throws Exception {
    String table = streamingTable(StreamViewType.OLD_IMAGE);
    String arn = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    long now = Instant.now().getEpochSecond();
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("expired"), "ttl",
        AttributeValue.fromN(String.valueOf(now - 60)))));
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("future"), "ttl",
        AttributeValue.fromN(String.valueOf(now + 3600)))));
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("text"), "ttl", s("not a number"))));

    client.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.enabled(true)
        .attributeName("ttl")));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (client.getItem(r -> r.tableName(table).key(Map.of("id", s("expired")))).hasItem()
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }

    assertThat(client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("expired")))).hasItem()).isFalse();
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("future")))).hasItem()).isTrue();
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("text")))).hasItem()).isTrue();
    Record removal = readAll(arn, null).stream().filter(r -> r.eventName() == OperationType.REMOVE).findFirst()
        .orElseThrow();
    assertThat(removal.userIdentity().type()).isEqualTo("Service");
    assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(removal.dynamodb().oldImage()).containsEntry("id", s("expired"));
    assertThatThrownBy(() -> client.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t
        .enabled(true).attributeName("ttl")))).hasMessageStartingWith("TimeToLive is already enabled");
  }
}
