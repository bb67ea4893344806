package io.shaledb.core.history;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Records item changes of tables with point-in-time recovery, for the write pipeline. */
public final class History {
  private History() {}

  /**
   * Records, in the change's transaction, what the item under {@code itemKey} was before a change made at
   * {@code millis} ({@link BeforeImage}), appended to the records of earlier changes of the same millisecond, if any
   * ({@link HistoryKeys}). Does nothing for a table without point-in-time recovery.
   *
   * @param stored the item as stored before the change, null when it did not exist
   * @param previous the same item decoded
   * @param current the item after the change, null when the change deleted it
   */
  public static void record(Transaction tx, TableMetadata table, byte[] itemKey, byte @Nullable [] stored,
      @Nullable Map<String, AttributeValue> previous, @Nullable Map<String, AttributeValue> current, long millis) {
    PointInTimeRecovery recovery = table.options().pointInTimeRecovery().orElse(null);
    if (recovery == null) {
      return;
    }
    // Appended rather than read and rewritten: on RocksDB the read of a key that almost never exists (a memtable
    // search, then a filter probe per table file) costs more than the write. Every change that appends here reads and
    // writes the item too, so two of them commit one after the other, and their records are appended in that order.
    tx.append(HistoryKeys.key(recovery.historyKeyspace(), itemKey, millis),
        BeforeImage.of(stored, previous, current).appendable());
  }
}
