package io.shaledb.core.op;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamLog;
import io.shaledb.core.write.IndexEntries;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The invariant checks themselves: quiet on a store the operations wrote, loud on each kind of damage. */
class StoreInvariantsTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  private final TestTables tables = new TestTables(db);
  private final TableMetadata table;

  StoreInvariantsTest() {
    table = tables.create("checked", true, true, true);
    tables.put("checked", List.of(row("a", "1"), row("a", "2"), row("b", "1")));
  }

  private static Map<String, AttributeValue> row(String id, String rk) {
    return item(id, Map.of("rk", s(rk), "s", s("s" + rk), "g", s("g" + id)));
  }

  private void corrupt(Consumer<Transaction> damage) {
    try (Transaction tx = db.storage().begin()) {
      damage.accept(tx);
      tx.commit();
    }
  }

  private StreamDescriptor stream() {
    return db.catalog().streams().getFirst();
  }

  @Test
  void check_ofAStoreTheOperationsWrote_passes() {
    assertThatCode(() -> StoreInvariants.check(db)).doesNotThrowAnyException();
  }

  @Test
  void check_anIndexEntryMissing_fails() {
    Map<String, AttributeValue> row = row("a", "1");
    corrupt(tx -> tx.delete(IndexEntries.key(table, table.index("byG"), row)));

    assertThatThrownBy(() -> StoreInvariants.check(db)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("index byG of checked equals the index computed from its table");
  }

  @Test
  void check_aKeyOfNoKeyspace_fails() {
    corrupt(tx -> tx.put(KeyCodec.itemKey(9_999, s("x"), null), ItemCodec.encode(Map.of("id", s("x")))));

    assertThatThrownBy(() -> StoreInvariants.check(db)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("keyspace 9999");
  }

  @Test
  void check_aStreamRecordAboveTheWatermark_fails() {
    Map<String, AttributeValue> record = Map.of("event", s("INSERT"), "keys", new AttributeValue.M(Map.of("id",
        s("a"), "rk", s("1"))), "new", new AttributeValue.M(row("a", "1")));
    corrupt(tx -> tx.put(StreamLog.key(stream().keyspace(), Long.MAX_VALUE - 1), ItemCodec.encode(record)));

    assertThatThrownBy(() -> StoreInvariants.check(db)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be less than");
  }

  @Test
  void check_aStreamRecordWithoutTheTablesKey_fails() {
    corrupt(tx -> tx.putVersionstamped(StreamLog.range(stream().keyspace()).start(),
        ItemCodec.encode(Map.of("event", s("REMOVE"), "keys", new AttributeValue.M(Map.of("id", s("a")))))));

    assertThatThrownBy(() -> StoreInvariants.check(db)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("but was: [\"id\"]");
  }
}
