package io.shaledb.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.maintenance.HistoryReclaimer;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.UpdateContinuousBackups;
import io.shaledb.core.op.table.UpdateContinuousBackupsInput;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.CountingEngine;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History written by the write pipeline, read back as the table at an instant, and reclaimed past the recovery
 * period, on the memory engine.
 */
class PointInTimeHistoryTest {
  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private final CountingEngine engine = new CountingEngine(new MemoryEngine());
  private final Database db = new Database(engine, clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final WritePipeline writes = new WritePipeline(db);

  PointInTimeHistoryTest() {
    new TestTables(db).create("items", false, false, false);
  }

  private RequestContext request() {
    return RequestContext.internal(Principal.caller("test"), clock);
  }

  private void enable(long days) {
    new UpdateContinuousBackups(db).execute(new UpdateContinuousBackupsInput("items", true, true, days), request());
  }

  private TableMetadata table() {
    return db.catalog().find("items").orElseThrow();
  }

  private byte[] key(String id) {
    return KeyCodec.itemKey(table().keyspace(), new AttributeValue.S(id), null);
  }

  private void put(String id, String value) {
    writes.write(request(), ItemWrite.put(table(), key(id), WriteCondition.NONE,
        Map.of("id", new AttributeValue.S(id), "v", new AttributeValue.S(value))));
  }

  /** Sets one attribute of an existing item, as an UpdateItem SET would. */
  private void set(String id, String attribute, String value) {
    writes.write(request(), new ItemWrite(table(), key(id), WriteCondition.NONE, previous -> {
      Map<String, AttributeValue> next = new HashMap<>(Objects.requireNonNull(previous));
      next.put(attribute, new AttributeValue.S(value));
      return next;
    }));
  }

  private void delete(String id) {
    writes.write(request(), ItemWrite.delete(table(), key(id), WriteCondition.NONE));
  }

  /** The table at {@code at}, as id to value. */
  private Map<String, String> at(Instant at) {
    Map<String, String> items = new TreeMap<>();
    itemsAt(at).forEach((id, item) -> items.put(id, ((AttributeValue.S) item.get("v")).value()));
    return items;
  }

  /** The table at {@code at}, as id to item. */
  private Map<String, Map<String, AttributeValue>> itemsAt(Instant at) {
    TableMetadata table = table();
    PointInTimeRecovery recovery = table.options().pointInTimeRecovery().orElseThrow();
    Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
    try (Snapshot snapshot = db.storage().snapshot();
        TableAtInstant cursor = TableAtInstant.open(snapshot, table.keyspace(), recovery.historyKeyspace(),
            at.toEpochMilli(), KeyCodec.keyspaceRange(table.keyspace()).start())) {
      while (cursor.next()) {
        Map<String, AttributeValue> item = ItemCodec.decode(cursor.value());
        assertThat(cursor.key()).isEqualTo(key(((AttributeValue.S) item.get("id")).value()));
        items.put(((AttributeValue.S) item.get("id")).value(), item);
      }
    }
    return items;
  }

  private static Map<String, AttributeValue> item(String id, String... attributes) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("id", new AttributeValue.S(id)));
    for (int i = 0; i < attributes.length; i += 2) {
      item.put(attributes[i], new AttributeValue.S(attributes[i + 1]));
    }
    return item;
  }

  private int historyRecords() {
    int count = 0;
    try (Snapshot snapshot = db.storage().snapshot(); KvCursor cursor = snapshot.scan(KeyCodec.keyspaceRange(
        table().options().pointInTimeRecovery().orElseThrow().historyKeyspace()), false)) {
      while (cursor.next()) {
        count++;
      }
    }
    return count;
  }

  /** How many history records a pass of {@code reclaimer} reads. */
  private int historyReadBy(HistoryReclaimer reclaimer) {
    int history = table().options().pointInTimeRecovery().orElseThrow().historyKeyspace();
    int before = engine.keysScanned(history);
    reclaimer.runPass();
    return engine.keysScanned(history) - before;
  }

  private Instant advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
    return clock.instant();
  }

  @Test
  void tableAtInstant_putsUpdatesAndDeletes_giveEachInstantsState() {
    put("before", "0");
    advance(1);
    enable(35);
    Instant enabled = clock.instant();
    Instant t1 = advance(10);
    put("a", "1");
    Instant t2 = advance(10);
    put("a", "2");
    put("b", "1");
    Instant t3 = advance(10);
    delete("a");
    put("before", "changed");
    advance(10);

    assertThat(at(enabled)).isEqualTo(Map.of("before", "0"));
    assertThat(at(t1.minusMillis(1))).isEqualTo(Map.of("before", "0"));
    assertThat(at(t1)).isEqualTo(Map.of("before", "0", "a", "1"));
    assertThat(at(t2)).isEqualTo(Map.of("before", "0", "a", "2", "b", "1"));
    assertThat(at(t3.minusMillis(1))).isEqualTo(Map.of("before", "0", "a", "2", "b", "1"));
    assertThat(at(t3)).isEqualTo(Map.of("before", "changed", "b", "1"));
    assertThat(at(clock.instant())).isEqualTo(Map.of("before", "changed", "b", "1"));
  }

  @Test
  void write_twoChangesInOneMillisecond_keepTheStateBeforeTheFirst() {
    enable(35);
    Instant t1 = advance(5);
    put("a", "1");
    put("a", "2");
    delete("a");
    put("a", "3");

    assertThat(historyRecords()).isEqualTo(1);
    assertThat(at(t1.minusMillis(1))).isEmpty();
    assertThat(at(t1)).isEqualTo(Map.of("a", "3"));
  }

  @Test
  void write_updatesOfDifferentAttributesInOneMillisecond_restoreTheItemBeforeTheFirst() {
    enable(35);
    put("a", "1");
    Instant t1 = advance(5);
    set("a", "w", "1");
    set("a", "v", "2");
    Instant t2 = advance(5);
    set("a", "v", "3");
    advance(5);

    assertThat(historyRecords()).isEqualTo(3);
    assertThat(itemsAt(t1.minusMillis(1))).isEqualTo(Map.of("a", item("a", "v", "1")));
    assertThat(itemsAt(t1)).isEqualTo(Map.of("a", item("a", "v", "2", "w", "1")));
    assertThat(itemsAt(t2)).isEqualTo(Map.of("a", item("a", "v", "3", "w", "1")));
  }

  @Test
  void write_updateThenDeleteInOneMillisecond_restoresTheItemBeforeTheUpdate() {
    enable(35);
    put("a", "1");
    Instant t1 = advance(5);
    set("a", "w", "1");
    delete("a");
    advance(5);

    assertThat(itemsAt(t1.minusMillis(1))).isEqualTo(Map.of("a", item("a", "v", "1")));
    assertThat(itemsAt(t1)).isEmpty();
  }

  @Test
  void tableAtInstant_historyWrittenBeforePartialRecords_restoresWithTheLaterOnes() {
    enable(35);
    put("a", "1");
    // A change as the writer before partial records made it: the item replaced, and a version 1 record holding the
    // whole item before it.
    Instant t1 = advance(5);
    byte[] before = ItemCodec.encode(item("a", "v", "1"));
    byte[] versionOne = new byte[before.length + 2];
    versionOne[0] = 1;
    versionOne[1] = 1;
    System.arraycopy(before, 0, versionOne, 2, before.length);
    try (Transaction tx = db.storage().begin()) {
      tx.put(key("a"), ItemCodec.encode(item("a", "v", "2")));
      tx.put(HistoryKeys.key(table().options().pointInTimeRecovery().orElseThrow().historyKeyspace(), key("a"),
          t1.toEpochMilli()), versionOne);
      tx.commit();
    }
    Instant t2 = advance(5);
    set("a", "w", "1");
    advance(5);

    assertThat(itemsAt(t1.minusMillis(1))).isEqualTo(Map.of("a", item("a", "v", "1")));
    assertThat(itemsAt(t2.minusMillis(1))).isEqualTo(Map.of("a", item("a", "v", "2")));
    assertThat(itemsAt(t2)).isEqualTo(Map.of("a", item("a", "v", "2", "w", "1")));
  }

  @Test
  void tableAtInstant_historyWrittenBeforeAppendedRecords_restoresWithTheLaterOnes() {
    enable(35);
    put("a", "1");
    // Two updates in one millisecond as the writer before appended records made them: the first one's partial
    // (version 2) record, completed by the second, as the key's whole value.
    Instant t1 = advance(5);
    Map<String, AttributeValue> before = item("a", "v", "1");
    Map<String, AttributeValue> between = item("a", "v", "2");
    Map<String, AttributeValue> after = item("a", "v", "2", "w", "1");
    BeforeImage both = BeforeImage.of(ItemCodec.encode(before), before, between)
        .followedBy(BeforeImage.of(ItemCodec.encode(between), between, after));
    assertThat(both).isInstanceOf(BeforeImage.Partial.class);
    try (Transaction tx = db.storage().begin()) {
      tx.put(key("a"), ItemCodec.encode(after));
      tx.put(HistoryKeys.key(table().options().pointInTimeRecovery().orElseThrow().historyKeyspace(), key("a"),
          t1.toEpochMilli()), both.encode());
      tx.commit();
    }
    Instant t2 = advance(5);
    set("a", "v", "3");
    set("a", "x", "1");
    advance(5);

    assertThat(itemsAt(t1.minusMillis(1))).isEqualTo(Map.of("a", item("a", "v", "1")));
    assertThat(itemsAt(t2.minusMillis(1))).isEqualTo(Map.of("a", item("a", "v", "2", "w", "1")));
    assertThat(itemsAt(t2)).isEqualTo(Map.of("a", item("a", "v", "3", "w", "1", "x", "1")));
  }

  @Test
  void write_tableWithoutRecovery_recordsNoHistory() {
    put("a", "1");
    put("a", "2");
    enable(35);

    assertThat(historyRecords()).isZero();
  }

  @Test
  void historyReclaimer_recordsOlderThanThePeriod_areDeletedAndLaterStatesKept() {
    enable(1);
    put("a", "1");
    advance(1);
    put("a", "2");
    Instant dayLater = advance(Duration.ofDays(1).toMillis());
    put("a", "3");
    put("b", "1");
    Instant last = advance(10);

    new HistoryReclaimer(db).runPass();

    assertThat(historyRecords()).isEqualTo(2);
    assertThat(at(dayLater.minusMillis(1))).isEqualTo(Map.of("a", "2"));
    assertThat(at(last)).isEqualTo(Map.of("a", "3", "b", "1"));
  }

  @Test
  void historyReclaimer_periodLongerThanHistory_deletesNothing() {
    enable(2);
    put("a", "1");
    advance(Duration.ofDays(1).toMillis());
    put("a", "2");

    new HistoryReclaimer(db).runPass();

    assertThat(historyRecords()).isEqualTo(2);
  }

  @Test
  void historyReclaimer_withinTheFirstPeriod_readsNoSlice() {
    enable(1);
    for (int i = 0; i <= 10_000; i++) {
      put("k" + i, "1");
    }
    advance(Duration.ofDays(1).toMillis() - 1);

    new HistoryReclaimer(db).runPass();

    try (Snapshot snapshot = db.storage().snapshot()) {
      assertThat(snapshot.get(SystemKeyspace.progress(
          table().options().pointInTimeRecovery().orElseThrow().historyKeyspace(), Task.HISTORY_RECLAIM)))
          .as("a pass over more than one slice would have left where the next resumes").isNull();
    }
  }

  @Test
  void historyReclaimer_afterASweep_readsNoSliceUntilTheOldestRecordLeftIsPastItsExpiry() {
    HistoryReclaimer reclaimer = new HistoryReclaimer(db);
    enable(1);
    put("a", "1");
    advance(Duration.ofHours(12).toMillis());
    put("a", "2");
    advance(Duration.ofHours(12).toMillis() + 1);
    assertThat(historyReadBy(reclaimer)).as("the first sweep, once the first record expired").isEqualTo(2);
    assertThat(historyRecords()).isEqualTo(1);

    // The record left, from 12 hours in, is due a day later, and swept a hundredth of a day after that.
    advance(Duration.ofHours(12).toMillis() - 1);
    assertThat(historyReadBy(reclaimer)).as("at its expiry").isZero();
    advance(Duration.ofDays(1).toMillis() / 100);
    assertThat(historyReadBy(reclaimer)).as("a hundredth of a period later").isZero();
    advance(1);
    assertThat(historyReadBy(reclaimer)).as("a millisecond more").isEqualTo(1);
    assertThat(historyRecords()).isZero();
  }

  @Test
  void disable_dropsTheHistory_andEnablingAgainStartsEmpty() {
    enable(35);
    put("a", "1");
    int first = table().options().pointInTimeRecovery().orElseThrow().historyKeyspace();

    new UpdateContinuousBackups(db).execute(new UpdateContinuousBackupsInput("items", true, false, null), request());
    assertThat(table().options().pointInTimeRecovery()).isEmpty();
    enable(35);

    assertThat(table().options().pointInTimeRecovery().orElseThrow().historyKeyspace()).isNotEqualTo(first);
    assertThat(historyRecords()).isZero();
    try (Snapshot snapshot = db.storage().snapshot()) {
      assertThat(snapshot.get(SystemKeyspace.dropped(first))).as("the first history is dropped").isNotNull();
    }
  }
}
