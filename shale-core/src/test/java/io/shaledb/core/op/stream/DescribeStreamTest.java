package io.shaledb.core.op.stream;

import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.maintenance.StreamMaintenance;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamInput;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamOutput;
import io.shaledb.core.op.stream.StreamRequests.ShardDescription;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DescribeStream against the memory engine: status, shards with their lineage and bounds, and pages of shards. */
class DescribeStreamTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TestTables tables = new TestTables(db);
  private final DescribeStream describe = new DescribeStream(db);
  private final String arn;

  DescribeStreamTest() {
    tables.create("events", false, false, true);
    arn = db.catalog().streams().getFirst().arn();
  }

  private DescribeStreamOutput execute(Long limit, String exclusiveStartShardId) {
    DescribeStreamInput input = new DescribeStreamInput(arn, limit, exclusiveStartShardId, null);
    return Requests.run(describe, input);
  }

  /** Writes an item, then rolls the stream over to a new shard. */
  private void writeAndRollOver(String id) {
    tables.put("events", List.of(TestTables.item(id, Map.of())));
    clock.advance(StreamMaintenance.ROLLOVER.plusMinutes(1));
    new StreamMaintenance(db).runPass();
  }

  @Test
  void describe_ofAnEnabledStream_withOneOpenShard() {
    DescribeStreamOutput output = execute(null, null);

    assertThat(output.status()).isEqualTo("ENABLED");
    assertThat(output.stream().tableName()).isEqualTo("events");
    assertThat(output.stream().hashKey()).isEqualTo("id");
    assertThat(output.stream().viewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(output.shards()).singleElement().satisfies(shard -> {
      assertThat(shard.parentShardId()).isNull();
      assertThat(shard.endingSequenceNumber()).isNull();
      assertThat(shard.startingSequenceNumber()).hasSize(21);
    });
    assertThat(output.lastEvaluatedShardId()).isNull();
  }

  @Test
  void shards_rolledOver_nameTheirParents_andPageByTheLastShardId() {
    for (int i = 0; i < 4; i++) {
      writeAndRollOver("k" + i);
    }

    List<ShardDescription> shards = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      DescribeStreamOutput page = execute(2L, start);
      shards.addAll(page.shards());
      start = page.lastEvaluatedShardId();
      pages++;
    } while (start != null && pages < 10);

    assertThat(shards).hasSize(5);
    for (int i = 1; i < shards.size(); i++) {
      assertThat(shards.get(i).parentShardId()).isEqualTo(shards.get(i - 1).shardId());
      assertThat(shards.get(i - 1).endingSequenceNumber()).as("a rolled shard ends").isNotNull();
    }
    assertThat(shards.getLast().endingSequenceNumber()).isNull();
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void describe_ofADisabledStream_isDisabled_andItsShardEnded() {
    tables.put("events", List.of(TestTables.item("k", Map.of("v", s("x")))));
    new UpdateTable(db).execute(new UpdateTableInput("events", null, null, null, null, null,
        new StreamSpecification(false, null), List.of()), Requests.request());

    DescribeStreamOutput output = execute(null, null);

    assertThat(output.status()).isEqualTo("DISABLED");
    assertThat(output.shards()).singleElement()
        .satisfies(shard -> assertThat(shard.endingSequenceNumber()).isNotNull());
  }

  @Test
  void describe_ofAnUnknownStream_isResourceNotFound() {
    assertThatThrownBy(() -> describe.execute(new DescribeStreamInput(arn + "0", null, null, null), Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThatThrownBy(() -> describe.validate(new DescribeStreamInput(null, 0L, null, null)))
        .hasMessage("2 validation errors detected: Value null at 'streamArn' failed to satisfy constraint: Member must"
            + " not be null; Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or"
            + " equal to 1");
  }
}
