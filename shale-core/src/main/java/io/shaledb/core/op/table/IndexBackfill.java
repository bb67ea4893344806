package io.shaledb.core.op.table;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.item.IndexEntries;
import io.shaledb.core.op.item.ItemStore;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fills a global index added to a table that already holds items, while the table keeps serving. From the moment
 * the index is in the catalog (CREATING) every write maintains it; the backfill walks the table in small batches,
 * each one a storage transaction that reads the items it indexes, so a batch that races a writer loses the
 * conflict and is redone, and an entry a writer already made is left alone. When the walk is done the index
 * becomes ACTIVE. A backfill interrupted by a crash starts again when the database opens.
 */
public final class IndexBackfill implements Runnable {
  private static final int BATCH = 256;

  private final Database db;
  private final ItemStore store;
  private final String tableName;
  private final String indexName;

  IndexBackfill(Database db, String tableName, String indexName) {
    this.db = db;
    this.store = new ItemStore(db);
    this.tableName = tableName;
    this.indexName = indexName;
  }

  @Override
  public void run() {
    byte[] next = null;
    do {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      TableMetadata table = db.catalog().find(tableName).orElse(null);
      IndexMetadata index = table == null ? null : table.index(indexName);
      if (index == null || index.status() != IndexStatus.CREATING) {
        return;
      }
      next = backfillBatch(table, index, next);
    } while (next != null);
    synchronized (db.catalog()) {
      db.catalog().find(tableName).ifPresent(table -> {
        IndexMetadata index = table.index(indexName);
        if (index != null && index.status() == IndexStatus.CREATING) {
          db.catalog().update(table.withIndexes(table.indexes().stream()
              .map(i -> i == index ? i.withStatus(IndexStatus.ACTIVE) : i).toList()));
        }
      });
    }
  }

  /** Indexes up to one batch of items from {@code from} on; returns where the next batch starts, or null. */
  private byte[] backfillBatch(TableMetadata table, IndexMetadata index, byte[] from) {
    KeyRange all = KeyCodec.keyspaceRange(table.keyspace());
    KeyRange range = from == null ? all : new KeyRange(from, all.end());
    List<byte[]> keys = new ArrayList<>(BATCH);
    try (Snapshot snapshot = db.storage().snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      while (keys.size() < BATCH && cursor.next()) {
        keys.add(cursor.key());
      }
    }
    if (keys.isEmpty()) {
      return null;
    }
    store.inTransaction(tx -> {
      List<ItemStore.Staged> changes = new ArrayList<>();
      IndexMetadata current = db.catalog().current(tx, table.name()).index(index.name());
      if (current == null || current.keyspace() != index.keyspace()) {
        return new ItemStore.Committed<>(null, changes);
      }
      for (byte[] key : keys) {
        byte[] stored = tx.get(key);
        if (stored == null) {
          continue;
        }
        Map<String, AttributeValue> item = ItemCodec.decode(stored);
        byte[] entryKey = IndexEntries.key(table, index, item);
        if (entryKey != null && tx.get(entryKey) == null) {
          Map<String, AttributeValue> entry = IndexEntries.project(table, index, item);
          tx.put(entryKey, ItemCodec.encode(entry));
          changes.add(new ItemStore.Staged(index.keyspace(), -1, ItemSize.of(entry)));
        }
      }
      return new ItemStore.Committed<>(null, changes);
    });
    byte[] last = keys.get(keys.size() - 1);
    return keys.size() < BATCH ? null : Arrays.copyOf(last, last.length + 1);
  }

  /** Restarts the backfills a stop interrupted: every index still CREATING. */
  public static void resumeAll(Database db) {
    for (TableMetadata table : db.catalog().list()) {
      for (IndexMetadata index : table.indexes()) {
        if (index.status() == IndexStatus.CREATING) {
          db.background().execute(new IndexBackfill(db, table.name(), index.name()));
        }
      }
    }
  }
}
