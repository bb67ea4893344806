package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.util.Map;

/**
 * Reads and read-modify-writes single items through the storage SPI. Writes run in an optimistic transaction and
 * are retried when they lose a conflict, which makes every single-item write atomic and serializable per item.
 */
public final class ItemStore {
  /** Retries before a hopelessly contended write gives up; each retry means another writer made progress. */
  private static final int MAX_ATTEMPTS = 10_000;

  private final Database db;

  public ItemStore(Database db) {
    this.db = db;
  }

  /** The stored item under {@code key}, or null. Reads are always strongly consistent here. */
  public Map<String, AttributeValue> get(byte[] key) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      byte[] stored = snapshot.get(key);
      return stored == null ? null : ItemCodec.decode(stored);
    }
  }

  /** Applies {@code mutation} to the item under {@code key} atomically, retrying on conflicts. */
  public WriteResult write(TableMetadata table, byte[] key, ItemMutation mutation) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try (Transaction tx = db.storage().begin()) {
        byte[] stored = tx.get(key);
        Map<String, AttributeValue> previous = stored == null ? null : ItemCodec.decode(stored);
        Map<String, AttributeValue> current = mutation.apply(previous);
        long newSize = -1;
        if (current != null) {
          newSize = ItemSize.of(current);
          if (newSize > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size");
          }
          tx.put(key, ItemCodec.encode(current, newSize));
        } else if (stored != null) {
          tx.delete(key);
        }
        if (current != null || stored != null) {
          tx.commit();
          db.statistics().recordChange(table.keyspace(), stored == null ? -1 : ItemCodec.itemSize(stored), newSize);
        }
        return new WriteResult(previous, current);
      } catch (WriteConflictException e) {
        Thread.onSpinWait();
      }
    }
    throw new DynamoException(ErrorCode.TRANSACTION_CONFLICT,
        "Transaction is ongoing for the item: too much contention on one item");
  }
}
