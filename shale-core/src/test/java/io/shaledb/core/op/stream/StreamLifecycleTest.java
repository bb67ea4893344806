package io.shaledb.core.op.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ShardFilterType;
import io.shaledb.core.api.ShardIteratorType;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.maintenance.StreamMaintenance;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.stream.StreamRequests.ChangeRecord;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamInput;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamOutput;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsInput;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsOutput;
import io.shaledb.core.op.stream.StreamRequests.GetShardIteratorInput;
import io.shaledb.core.op.stream.StreamRequests.ShardDescription;
import io.shaledb.core.op.stream.StreamRequests.ShardFilter;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shard rollover with lineage, iterator expiry and 24-hour trimming, on a clock the test moves. */
class StreamLifecycleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final PutItem put = new PutItem(db, new WritePipeline(db));
  private final StreamMaintenance maintenance = new StreamMaintenance(db);
  private final String arn;

  StreamLifecycleTest() {
    new CreateTable(db).execute(new CreateTableInput("events", List.of(new AttributeDefinition("id", Choice.of(ScalarType.S))),
        List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH))), Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null, null, null,
        new StreamSpecification(true, Choice.of(StreamViewType.NEW_IMAGE)), List.of()), Requests.request());
    arn = db.catalog().streams().get(0).arn();
  }

  private void put(String id) {
    put.execute(new PutItemInput("events", Map.of("id", new AttributeValue.S(id)), null, null, null, null, null,
        null, null, null, null), Requests.request());
  }

  private DescribeStreamOutput describe() {
    return new DescribeStream(db).execute(new DescribeStreamInput(arn, null, null, null), Requests.request());
  }

  private String iterator(String shardId, String type, String sequence) {
    return new GetShardIterator(db).execute(new GetShardIteratorInput(arn, shardId, Choice.of(type, ShardIteratorType.class), sequence), Requests.request());
  }

  private GetRecordsOutput get(String iterator) {
    return new GetRecords(db).execute(new GetRecordsInput(iterator, null), Requests.request());
  }

  /** Every record of a shard, following NextShardIterator until a closed shard ends. */
  private List<String> readShard(String shardId) {
    List<String> ids = new ArrayList<>();
    String iterator = iterator(shardId, "TRIM_HORIZON", null);
    while (iterator != null) {
      GetRecordsOutput page = get(iterator);
      for (ChangeRecord record : page.records()) {
        ids.add(((AttributeValue.S) ((AttributeValue.M) record.fields().get("keys")).values().get("id")).value());
      }
      if (page.records().isEmpty() && page.nextShardIterator() != null) {
        break;
      }
      iterator = page.nextShardIterator();
    }
    return ids;
  }

  @Test
  void shardsRollOver_withParentLineage_andReadersSeeEveryRecordOnce() {
    put("a");
    put("b");
    clock.advance(StreamMaintenance.ROLLOVER.plusMinutes(1));
    maintenance.runPass();
    put("c");

    DescribeStreamOutput description = describe();
    assertThat(description.shards()).hasSize(2);
    assertThat(description.shards().get(1).parentShardId()).isEqualTo(description.shards().get(0).shardId());
    assertThat(description.shards().get(0).endingSequenceNumber()).isNotNull();
    assertThat(description.shards().get(1).endingSequenceNumber()).isNull();
    assertThat(readShard(description.shards().get(0).shardId())).containsExactly("a", "b");
    assertThat(readShard(description.shards().get(1).shardId())).containsExactly("c");
    assertThat(get(iterator(description.shards().get(0).shardId(), "LATEST", null)).nextShardIterator())
        .as("a closed shard read to its end has no next iterator").isNull();
  }

  @Test
  void describeStream_withAChildShardsFilter_listsOnlyTheChildrenOfTheShardNamed() {
    clock.advance(StreamMaintenance.ROLLOVER.plusMinutes(1));
    maintenance.runPass();
    List<ShardDescription> shards = describe().shards();

    DescribeStreamOutput children = new DescribeStream(db).execute(new DescribeStreamInput(arn, null, null,
        new ShardFilter(Choice.of(ShardFilterType.CHILD_SHARDS), shards.get(0).shardId())), Requests.request());
    DescribeStreamOutput none = new DescribeStream(db).execute(new DescribeStreamInput(arn, null, null,
        new ShardFilter(Choice.of(ShardFilterType.CHILD_SHARDS), shards.get(1).shardId())), Requests.request());

    assertThat(children.shards()).extracting(ShardDescription::shardId).containsExactly(shards.get(1).shardId());
    assertThat(none.shards()).isEmpty();
  }

  @Test
  void iterators_expireAfterFifteenMinutes() {
    put("a");
    String iterator = iterator(describe().shards().get(0).shardId(), "TRIM_HORIZON", null);
    clock.advance(Duration.ofMinutes(16));

    assertThatThrownBy(() -> get(iterator)).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPIRED_ITERATOR));
  }

  @Test
  void recordsOlderThan24Hours_areTrimmed_andReadingThemIsTrimmedDataAccess() {
    put("old");
    String shard = describe().shards().get(0).shardId();
    String firstSequence = get(iterator(shard, "TRIM_HORIZON", null)).records().get(0).sequenceNumber() + "";
    clock.advance(StreamMaintenance.RETENTION.plusHours(1));
    put("new");
    maintenance.runPass();

    List<String> everything = new ArrayList<>();
    describe().shards().forEach(s -> everything.addAll(readShard(s.shardId())));
    assertThat(everything).containsExactly("new");
    assertThatThrownBy(() -> iterator(shard, "AT_SEQUENCE_NUMBER", firstSequence))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.TRIMMED_DATA_ACCESS));
  }
}
