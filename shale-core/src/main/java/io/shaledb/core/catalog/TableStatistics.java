package io.shaledb.core.catalog;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live item count and size of every table and index, for DescribeTable. Counted once when the database opens, then kept
 * current by every committed write, so DescribeTable never scans. (DynamoDB refreshes these figures only every six
 * hours; being exact is within its contract.)
 */
public final class TableStatistics {
  private final ConcurrentMap<Integer, Counters> byKeyspace = new ConcurrentHashMap<>();

  private TableStatistics() {}

  /** Counts the items of {@code tables}. */
  public static TableStatistics load(StorageEngine storage, List<TableMetadata> tables) {
    TableStatistics statistics = new TableStatistics();
    try (Snapshot snapshot = storage.snapshot()) {
      for (TableMetadata table : tables) {
        statistics.count(snapshot, table.keyspace());
        table.indexes().forEach(index -> statistics.count(snapshot, index.keyspace()));
      }
    }
    return statistics;
  }

  private void count(Snapshot snapshot, int keyspace) {
    Counters counters = counters(keyspace);
    try (KvCursor cursor = snapshot.scan(KeyCodec.keyspaceRange(keyspace), false)) {
      while (cursor.next()) {
        counters.items.increment();
        counters.bytes.add(ItemCodec.itemSize(cursor.value()));
      }
    }
  }

  /** Records a committed change of one item: sizes are DynamoDB item sizes, -1 where the item is absent. */
  public void recordChange(int keyspace, long oldSize, long newSize) {
    Counters counters = counters(keyspace);
    if (oldSize >= 0) {
      counters.items.decrement();
      counters.bytes.add(-oldSize);
    }
    if (newSize >= 0) {
      counters.items.increment();
      counters.bytes.add(newSize);
    }
  }

  public long itemCount(int keyspace) {
    return counters(keyspace).items.sum();
  }

  public long sizeBytes(int keyspace) {
    return counters(keyspace).bytes.sum();
  }

  public void forget(int keyspace) {
    byKeyspace.remove(keyspace);
  }

  private Counters counters(int keyspace) {
    return byKeyspace.computeIfAbsent(keyspace, k -> new Counters());
  }

  private static final class Counters {
    final LongAdder items = new LongAdder();
    final LongAdder bytes = new LongAdder();
  }
}
