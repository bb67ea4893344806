package io.shaledb.core.history;

import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import org.jspecify.annotations.Nullable;

/** Records item changes of tables with point-in-time recovery, for the write pipeline. */
public final class History {
  private History() {}

  /**
   * Records, in the change's transaction, the item under {@code itemKey} as it was before a change made at
   * {@code millis}, unless an earlier change of the same millisecond already did ({@link HistoryKeys}). Does nothing
   * for a table without point-in-time recovery.
   */
  public static void record(Transaction tx, TableMetadata table, byte[] itemKey, byte @Nullable [] stored,
      long millis) {
    PointInTimeRecovery recovery = table.options().pointInTimeRecovery().orElse(null);
    if (recovery == null) {
      return;
    }
    byte[] key = HistoryKeys.key(recovery.historyKeyspace(), itemKey, millis);
    if (tx.get(key) == null) {
      tx.put(key, new BeforeImage(stored).encode());
    }
  }
}
