package io.shaledb.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.backup.RestoreSource.SourceItem;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.UpdateContinuousBackups;
import io.shaledb.core.op.table.UpdateContinuousBackupsInput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A point-in-time restore's origin and source, on the memory engine. */
class PointInTimeSourceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");

  @Test
  void restoreOrigin_pointInTime_roundTrips() throws IOException {
    RestoreOrigin origin = new RestoreOrigin.PointInTime(12, 14, Instant.parse("2026-06-01T10:00:00.123Z"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      RestoreOrigin.write(out, origin);
    }

    assertThat(RestoreOrigin.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .isEqualTo(origin);
  }

  @Test
  void read_inBatchesFromTheLastKey_givesTheTableAtTheInstantOnce() {
    new TestTables(db).create("items", false, false, false);
    RequestContext request = RequestContext.internal(Principal.caller("test"), clock);
    new UpdateContinuousBackups(db).execute(new UpdateContinuousBackupsInput("items", true, true, null), request);
    TableMetadata table = db.catalog().find("items").orElseThrow();
    WritePipeline writes = new WritePipeline(db);
    for (int i = 0; i < 7; i++) {
      byte[] key = KeyCodec.itemKey(table.keyspace(), new AttributeValue.S("i" + i), null);
      writes.write(request, ItemWrite.put(table, key, WriteCondition.NONE,
          Map.of("id", new AttributeValue.S("i" + i), "v", new AttributeValue.S("before"))));
    }
    clock.advance(Duration.ofSeconds(1));
    Instant at = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 7; i += 2) {
      byte[] key = KeyCodec.itemKey(table.keyspace(), new AttributeValue.S("i" + i), null);
      writes.write(request, ItemWrite.delete(table, key, WriteCondition.NONE));
    }
    RestoreSource source = RestoreSources.open(db.storage(), new RestoreOrigin.PointInTime(table.keyspace(),
        table.options().pointInTimeRecovery().orElseThrow().historyKeyspace(), at));

    List<SourceItem> all = new ArrayList<>();
    byte[] from = new byte[0];
    for (List<SourceItem> batch = source.read(from, 3, Long.MAX_VALUE); !batch.isEmpty(); batch = source.read(from, 3, Long.MAX_VALUE)) {
      all.addAll(batch);
      byte[] last = batch.getLast().key();
      from = Arrays.copyOf(last, last.length + 1);
    }

    assertThat(all).hasSize(7).allSatisfy(item -> assertThat(item.item().get("v"))
        .isEqualTo(new AttributeValue.S("before")));
  }
}
