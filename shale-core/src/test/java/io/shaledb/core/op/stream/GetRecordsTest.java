package io.shaledb.core.op.stream;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ShardIteratorType;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.maintenance.TimeToLiveSweeper;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.DeleteItem;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.op.item.UpdateItemInput;
import io.shaledb.core.op.stream.StreamRequests.ChangeRecord;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsInput;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsOutput;
import io.shaledb.core.op.stream.StreamRequests.GetShardIteratorInput;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GetRecords and GetShardIterator against the memory engine: one record per real change, in commit order, with the
 * keys and the images the stream's view type asks for ("Change data capture for DynamoDB Streams" in the developer
 * guide); iterators of every type. StreamLifecycleTest covers shard rollover, iterator expiry and trimming.
 */
class GetRecordsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final WritePipeline writes = new WritePipeline(db);

  private String createTable(String name, StreamViewType view) {
    new CreateTable(db).execute(new CreateTableInput(name, List.of(new AttributeDefinition("id",
        Choice.of(ScalarType.S))), List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH))),
        Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null, null, null, new StreamSpecification(true,
        Choice.of(view)), List.of()), Requests.request());
    return db.catalog().streams().stream().filter(stream -> stream.tableName().equals(name)).findFirst()
        .orElseThrow().arn();
  }

  private void put(String table, Map<String, AttributeValue> item) {
    new PutItem(db, writes).execute(new PutItemInput(table, item, null, null, null, null, null, null, null, null,
        null), Requests.request());
  }

  private void set(String table, String id, long value) {
    new UpdateItem(db, writes).execute(new UpdateItemInput(table, Map.of("id", s(id)), "SET v = :v", null, null,
        Map.of(":v", n(value)), null, null, null, null, null, null, null), Requests.request());
  }

  private void delete(String table, String id) {
    new DeleteItem(db, writes).execute(new DeleteItemInput(table, Map.of("id", s(id)), null, null, null, null, null,
        null, null, null, null), Requests.request());
  }

  private String iterator(String arn, ShardIteratorType type, Long sequence) {
    GetShardIteratorInput input = new GetShardIteratorInput(arn, shard(arn), Choice.of(type),
        sequence == null ? null : StreamRequests.sequenceNumber(sequence));
    GetShardIterator operation = new GetShardIterator(db);
    operation.validate(input);
    return operation.execute(input, Requests.request());
  }

  private String shard(String arn) {
    return db.catalog().stream(arn).orElseThrow().shards().getFirst().shardId();
  }

  private GetRecordsOutput get(String iterator, Long limit) {
    GetRecordsInput input = new GetRecordsInput(iterator, limit);
    GetRecords operation = new GetRecords(db);
    operation.validate(input);
    return operation.execute(input, Requests.request());
  }

  private List<ChangeRecord> all(String arn) {
    return get(iterator(arn, ShardIteratorType.TRIM_HORIZON, null), null).records();
  }

  private static String event(ChangeRecord record) {
    return ((AttributeValue.S) record.fields().get("event")).value();
  }

  private static AttributeValue image(ChangeRecord record, String which) {
    return record.fields().get(which);
  }

  @Test
  void everyRealChange_isOneRecordInCommitOrder_withBothImages() {
    String arn = createTable("events", StreamViewType.NEW_AND_OLD_IMAGES);
    put("events", Map.of("id", s("a"), "v", n(1)));
    set("events", "a", 2);
    put("events", Map.of("id", s("a"), "v", n(2)));
    delete("events", "a");
    delete("events", "never");

    List<ChangeRecord> records = all(arn);

    assertThat(records).extracting(GetRecordsTest::event).containsExactly("INSERT", "MODIFY", "REMOVE");
    assertThat(records).extracting(ChangeRecord::sequenceNumber).isSorted().doesNotHaveDuplicates();
    assertThat(records).allSatisfy(record -> assertThat(record.fields().get("keys"))
        .isEqualTo(new AttributeValue.M(Map.of("id", s("a")))));
    assertThat(image(records.get(0), "new")).isEqualTo(new AttributeValue.M(Map.of("id", s("a"), "v", n(1))));
    assertThat(image(records.get(0), "old")).isNull();
    assertThat(image(records.get(1), "old")).isEqualTo(new AttributeValue.M(Map.of("id", s("a"), "v", n(1))));
    assertThat(image(records.get(1), "new")).isEqualTo(new AttributeValue.M(Map.of("id", s("a"), "v", n(2))));
    assertThat(image(records.get(2), "old")).isEqualTo(new AttributeValue.M(Map.of("id", s("a"), "v", n(2))));
    assertThat(image(records.get(2), "new")).isNull();
    assertThat(records).allSatisfy(record -> assertThat(record.fields().get("service"))
        .isEqualTo(AttributeValue.Bool.FALSE));
  }

  @ParameterizedTest
  @EnumSource(StreamViewType.class)
  void viewType_decidesTheImages(StreamViewType view) {
    String arn = createTable("events", view);
    put("events", Map.of("id", s("a"), "v", n(1)));
    set("events", "a", 2);

    ChangeRecord modify = all(arn).get(1);

    assertThat(modify.viewType()).isEqualTo(view);
    assertThat(image(modify, "new") != null).isEqualTo(view.hasNewImage());
    assertThat(image(modify, "old") != null).isEqualTo(view.hasOldImage());
  }

  @Test
  void timeToLiveDeletions_areMarkedAsTheServices() {
    String arn = createTable("events", StreamViewType.OLD_IMAGE);
    new TestTables(db).enableTimeToLive("events", "exp");
    put("events", Map.of("id", s("a"), "exp", n(clock.instant().getEpochSecond() - 1)));

    new TimeToLiveSweeper(db).runPass();

    List<ChangeRecord> records = all(arn);
    assertThat(records).extracting(GetRecordsTest::event).containsExactly("INSERT", "REMOVE");
    assertThat(records.get(1).fields().get("service")).isEqualTo(AttributeValue.Bool.TRUE);
  }

  @Test
  void limit_pagesThroughTheShard_byTheNextIterator() {
    String arn = createTable("events", StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 5; i++) {
      put("events", Map.of("id", s("k" + i)));
    }

    List<AttributeValue> keys = new ArrayList<>();
    String iterator = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
    for (int page = 0; page < 3; page++) {
      GetRecordsOutput output = get(iterator, 2L);
      output.records().forEach(record -> keys.add(record.fields().get("keys")));
      iterator = output.nextShardIterator();
    }
    GetRecordsOutput drained = get(iterator, 2L);

    assertThat(keys).extracting(key -> ((AttributeValue.M) key).values().get("id"))
        .containsExactly(s("k0"), s("k1"), s("k2"), s("k3"), s("k4"));
    assertThat(drained.records()).isEmpty();
    assertThat(drained.nextShardIterator()).as("an open shard goes on").isNotNull();
  }

  @Test
  void iteratorTypes_startAtTheirPositions() {
    String arn = createTable("events", StreamViewType.KEYS_ONLY);
    put("events", Map.of("id", s("a")));
    put("events", Map.of("id", s("b")));
    String latest = iterator(arn, ShardIteratorType.LATEST, null);
    put("events", Map.of("id", s("c")));
    List<ChangeRecord> records = all(arn);
    long second = records.get(1).sequenceNumber();

    assertThat(get(latest, null).records()).extracting(ChangeRecord::sequenceNumber)
        .containsExactly(records.get(2).sequenceNumber());
    assertThat(get(iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second), null).records())
        .extracting(ChangeRecord::sequenceNumber).containsExactly(second, records.get(2).sequenceNumber());
    assertThat(get(iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second), null).records())
        .extracting(ChangeRecord::sequenceNumber).containsExactly(records.get(2).sequenceNumber());
  }

  @Test
  void iteratorErrors() {
    String arn = createTable("events", StreamViewType.KEYS_ONLY);
    GetShardIterator operation = new GetShardIterator(db);

    assertThatThrownBy(() -> iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, null))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("One or more parameter values were invalid: Invalid SequenceNumber");
    assertThatThrownBy(() -> iterator(arn, ShardIteratorType.TRIM_HORIZON, 1L))
        .hasMessage("One or more parameter values were invalid: SequenceNumber should not be passed for this"
            + " iterator type");
    assertThatThrownBy(() -> operation.execute(new GetShardIteratorInput("table/events/stream/x", shard(arn),
        Choice.of(ShardIteratorType.LATEST), null), Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("Invalid StreamArn");
    assertThatThrownBy(() -> operation.execute(new GetShardIteratorInput(arn, "shardId-nope",
        Choice.of(ShardIteratorType.LATEST), null), Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThatThrownBy(() -> operation.execute(new GetShardIteratorInput(arn + "0", shard(arn),
        Choice.of(ShardIteratorType.LATEST), null), Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThatThrownBy(() -> operation.validate(new GetShardIteratorInput(arn, shard(arn),
        Choice.of("OLDEST", ShardIteratorType.class), null)))
        .hasMessage("1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER,"
            + " AFTER_SEQUENCE_NUMBER]");
    assertThatThrownBy(() -> get("not an iterator", null))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
  }
}
