package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.write.Transactions;
import io.shaledb.core.write.Transactions.Committed;
import io.shaledb.core.write.Transactions.Staged;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills global indexes added to tables that already hold items, while the tables keep serving. From the moment an
 * index is in the catalog (CREATING) every write maintains it; the builder walks the table in batches, each one a
 * storage transaction that reads the items it indexes (a batch that races a writer loses the conflict and is
 * redone), leaves alone an entry a writer already made, skips items that violate the index's key (a wrong type, an
 * empty or too long value), and records where the next batch starts, so a build interrupted by a failure or a crash
 * resumes there. When the walk is done the index becomes ACTIVE.
 */
public final class IndexBuilder implements BackgroundService {
  private static final int BATCH = 256;

  private final Database db;
  private final Transactions transactions;

  public IndexBuilder(Database db) {
    this.db = db;
    this.transactions = new Transactions(db.storage(), db.statistics());
  }

  /**
   * How far the backfill of {@code index} has walked its table, in percent (DynamoDB's OnlineIndexPercentageProgress).
   * Items lie in the order of their partition key's hash, which spreads them evenly, so the hash where the next batch
   * starts is the share of the table already walked; it is read from the stored resume position, so it holds across
   * restarts and costs one read.
   */
  public static double percentDone(Snapshot snapshot, TableMetadata table, IndexMetadata index) {
    KeyRange items = KeyCodec.keyspaceRange(table.keyspace());
    byte[] next = ResumePositions.read(snapshot, index.keyspace(), Task.INDEX_BACKFILL, items);
    if (Arrays.equals(next, items.end())) {
      return 100;
    }
    if (next.length < KeyCodec.KEYSPACE_BYTES + Integer.BYTES) {
      return 0;
    }
    long hash = Integer.toUnsignedLong(KeyCodec.partitionHash(next));
    return hash * 100.0 / (1L << Integer.SIZE);
  }

  /** One batch of the first index still being built. */
  @Override
  public boolean runPass() {
    for (TableMetadata table : db.catalog().list()) {
      for (IndexMetadata index : table.indexes()) {
        if (index.status() == IndexStatus.CREATING) {
          buildBatch(table, index);
          return true;
        }
      }
    }
    return false;
  }

  private void buildBatch(TableMetadata table, IndexMetadata index) {
    KeyRange items = KeyCodec.keyspaceRange(table.keyspace());
    List<byte[]> keys = new ArrayList<>(BATCH);
    try (Snapshot snapshot = db.storage().snapshot()) {
      byte[] from = ResumePositions.read(snapshot, index.keyspace(), Task.INDEX_BACKFILL, items);
      try (KvCursor cursor = snapshot.scan(new KeyRange(from, items.end()), false)) {
        while (keys.size() < BATCH && cursor.next()) {
          keys.add(cursor.key());
        }
      }
    }
    if (keys.isEmpty()) {
      activate(table, index);
      return;
    }
    byte[] next = keys.size() < BATCH ? items.end() : KeyRange.after(keys.get(keys.size() - 1));
    transactions.run(RequestContext.service(db.clock()), tx -> {
      List<Staged> changes = new ArrayList<>();
      Optional<IndexMetadata> building = db.catalog().current(tx, table.name(), table.keyspace())
          .map(current -> current.index(index.name()))
          .filter(current -> current.keyspace() == index.keyspace() && current.status() == IndexStatus.CREATING);
      if (building.isEmpty()) {
        return new Committed<>(false, changes);
      }
      for (byte[] key : keys) {
        byte[] stored = tx.get(key);
        Map<String, AttributeValue> item = stored == null ? null : ItemCodec.decode(stored);
        byte[] entryKey = item == null || !IndexEntries.indexable(index, item) ? null
            : IndexEntries.key(table, index, item);
        if (item != null && entryKey != null && tx.get(entryKey) == null) {
          Map<String, AttributeValue> entry = IndexEntries.project(table, index, item);
          tx.put(entryKey, ItemCodec.encode(entry));
          changes.add(new Staged(index.keyspace(), -1, ItemSize.of(entry)));
        }
      }
      ResumePositions.write(tx, index.keyspace(), Task.INDEX_BACKFILL, next);
      return new Committed<>(true, changes);
    });
  }

  /** Makes the index ACTIVE, if it is still the one being built on the table of that keyspace. */
  private void activate(TableMetadata table, IndexMetadata index) {
    db.catalog().change(change -> {
      change.table(table.name())
          .filter(current -> current.keyspace() == table.keyspace())
          .filter(current -> {
            IndexMetadata found = current.index(index.name());
            return found != null && found.keyspace() == index.keyspace();
          })
          .ifPresent(current -> change.putTable(current.withIndexes(current.indexes().stream()
              .map(i -> i.keyspace() == index.keyspace() ? i.withStatus(IndexStatus.ACTIVE) : i).toList())));
      ResumePositions.write(change.storage(), index.keyspace(), Task.INDEX_BACKFILL, null);
      return null;
    });
  }
}
