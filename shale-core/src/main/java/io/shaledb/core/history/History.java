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
   * {@code millis} ({@link BeforeImage}), merged into the record of an earlier change of the same millisecond when
   * there is one ({@link HistoryKeys}). Does nothing for a table without point-in-time recovery.
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
    byte[] key = HistoryKeys.key(recovery.historyKeyspace(), itemKey, millis);
    BeforeImage change = BeforeImage.of(stored, previous, current);
    // Untracked: every change that writes this record reads and writes the item too, so two of them conflict on the
    // item already; tracking the record as well would only add a check of its own at every commit.
    byte[] earlier = tx.getUntracked(key);
    if (earlier == null) {
      tx.putUntracked(key, change.encode());
    } else if (BeforeImage.decode(earlier) instanceof BeforeImage.Partial partial) {
      tx.putUntracked(key, partial.followedBy(change).encode());
    }
  }
}
