package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and read-modify-writes items through the storage SPI. Writes run in an optimistic transaction and are
 * retried when they lose a conflict, which makes every write atomic and serializable on the items it touches.
 */
public final class ItemStore {
  /** Retries before a hopelessly contended write gives up; each retry means another writer made progress. */
  private static final int MAX_ATTEMPTS = 10_000;

  private final Database db;

  public ItemStore(Database db) {
    this.db = db;
  }

  /**
   * The item under {@code key} in {@link ItemCodec}'s encoding, or null. Reads are always strongly consistent here.
   */
  public byte[] getStored(byte[] key) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      return snapshot.get(key);
    }
  }

  /** Like {@link #getStored}, without waiting for I/O ({@link io.shaledb.core.storage.StorageEngine}). */
  public byte[] getStoredWithoutBlocking(byte[] key) {
    return db.storage().getWithoutBlocking(key);
  }

  /** The item under {@code key} as {@code reader} sees it, or null. */
  public static Map<String, AttributeValue> read(KvReader reader, byte[] key) {
    byte[] stored = reader.get(key);
    return stored == null ? null : ItemCodec.decode(stored);
  }

  /** Applies {@code mutation} to the item under {@code key} atomically, retrying on conflicts. */
  public WriteResult write(TableMetadata table, byte[] key, ItemMutation mutation) {
    return writeAll(List.of(new KeyedMutation(table, key, mutation))).getFirst();
  }

  /** A mutation of the item under {@code key} of {@code table}. */
  public record KeyedMutation(TableMetadata table, byte[] key, ItemMutation mutation) {}

  /**
   * Applies each mutation to its item (keys distinct) in one storage transaction, retrying on conflicts: one commit,
   * and on a durable engine one log write, for a whole batch.
   */
  public List<WriteResult> writeAll(List<KeyedMutation> writes) {
    return inTransaction(tx -> {
      List<WriteResult> results = new ArrayList<>(writes.size());
      List<Staged> changes = new ArrayList<>();
      Map<String, TableMetadata> tables = new HashMap<>();
      for (KeyedMutation write : writes) {
        byte[] stored = tx.get(write.key());
        Map<String, AttributeValue> previous = stored == null ? null : ItemCodec.decode(stored);
        Map<String, AttributeValue> current = write.mutation().apply(previous);
        TableMetadata table = tables.computeIfAbsent(write.table().name(), name -> tableIn(tx, name));
        Staging staging = stage(tx, table, write.key(), stored, previous, current);
        results.add(new WriteResult(previous, current, staging.itemCollectionBytes(), staging.writeBytes()));
        changes.addAll(staging.changes());
      }
      return new Committed<>(results, changes);
    });
  }

  /** What a transaction body produced: its result and the item changes to count once it commits. */
  public record Committed<R>(R result, List<Staged> changes) {}

  /** One item change staged in a storage transaction, for table statistics. */
  public record Staged(int keyspace, long oldSize, long newSize) {}

  /**
   * What staging one item produced: the statistics changes, the size of the item's collection (-1 when the table has
   * no local index), and the larger of the item's sizes before and after, which DynamoDB charges the write on.
   */
  public record Staging(List<Staged> changes, long itemCollectionBytes, long writeBytes) {}

  /**
   * Runs {@code body} in a storage transaction and commits it, starting over when the commit loses a conflict: the
   * body must be free of side effects outside the transaction. Statistics are updated once the commit succeeds.
   */
  public <R> R inTransaction(Function<Transaction, Committed<R>> body) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try (Transaction tx = db.storage().begin()) {
        Committed<R> committed = body.apply(tx);
        tx.commit();
        for (Staged change : committed.changes()) {
          db.statistics().recordChange(change.keyspace(), change.oldSize(), change.newSize());
        }
        return committed.result();
      } catch (WriteConflictException e) {
        Thread.onSpinWait();
      }
    }
    throw new DynamoException(ErrorCode.TRANSACTION_CONFLICT,
        "Transaction is ongoing for the item: too much contention on one item");
  }

  /**
   * A table's metadata as {@code tx} reads it (see {@link io.shaledb.core.catalog.TableCatalog#current}): what
   * {@link #stage} needs, read once per table and transaction, so the indexes maintained are the committed ones.
   */
  public TableMetadata tableIn(Transaction tx, String tableName) {
    return db.catalog().current(tx, tableName);
  }

  /**
   * Stages the new version of one item and of its index entries: {@code current} null deletes it. Checks the
   * 400 KB limit and the types of index key attributes.
   *
   * @param table the item's table as {@link #tableIn} read it in {@code tx}
   * @param stored the item's stored bytes as read in {@code tx}, or null
   * @param previous the same item decoded, or null
   * @return the changes to count in table and index statistics once the transaction commits, and the item
   *     collection's size
   */
  public Staging stage(Transaction tx, TableMetadata table, byte[] key, byte[] stored,
      Map<String, AttributeValue> previous, Map<String, AttributeValue> current) {
    return stage(tx, table, key, stored, previous, current, false);
  }

  /** As {@link #stage}; {@code byService} marks a deletion made by DynamoDB itself (time to live) in the stream. */
  public Staging stage(Transaction tx, TableMetadata table, byte[] key, byte[] stored,
      Map<String, AttributeValue> previous, Map<String, AttributeValue> current, boolean byService) {
    long newSize = -1;
    if (current != null) {
      newSize = ItemSize.of(current);
      if (newSize > ItemSize.MAX_ITEM_BYTES) {
        throw DynamoException.validation("Item size has exceeded the maximum allowed size");
      }
      IndexEntries.check(table, current);
      tx.put(key, ItemCodec.encode(current, newSize));
    } else if (stored != null) {
      tx.delete(key);
    }
    long oldSize = stored == null ? -1 : ItemCodec.itemSize(stored);
    List<Staged> changes = new ArrayList<>();
    changes.add(new Staged(table.keyspace(), oldSize, newSize));
    IndexEntries.stage(tx, table, previous, current, changes);
    long collection = previous == null && current == null ? -1
        : ItemCollections.update(tx, table, previous, current, db.itemCollectionLimitBytes());
    db.streams().append(tx, table, previous, current, byService);
    return new Staging(changes, collection, Math.max(0, Math.max(oldSize, newSize)));
  }
}
