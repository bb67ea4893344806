package io.shaledb.core.catalog;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live item count and size of every table and index, for DescribeTable. Counted when the database opens, then kept
 * current by every committed write, so DescribeTable never scans. (DynamoDB refreshes these figures only every six
 * hours; being exact is within its contract.)
 *
 * <p>The count at open runs in the background, on a snapshot taken before the database serves anything: every write
 * commits after that snapshot and is recorded as a change, so count plus changes is exact once the count is done,
 * and reading a figure waits until then. A durable database of a million items answered its first request only
 * after the 2-3 seconds such a count takes; now it answers at once, and only DescribeTable may wait.
 */
public final class TableStatistics {
  /** How many items the count reads between checks for the database closing. */
  private static final int ITEMS_PER_CHECK = 4096;

  private final ConcurrentMap<Integer, Counters> byKeyspace = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> counted;

  private TableStatistics(Snapshot snapshot, List<Integer> keyspaces, Executor background) {
    counted = CompletableFuture.runAsync(() -> {
      try (snapshot) {
        keyspaces.forEach(keyspace -> count(snapshot, keyspace));
      }
    }, background);
  }

  /**
   * Starts counting the items of {@code tables} and their indexes on {@code background}, whose shutdown (an
   * interrupt) stops the count; the figures are read from a snapshot taken now.
   */
  public static TableStatistics load(StorageEngine storage, List<TableMetadata> tables, Executor background) {
    List<Integer> keyspaces = new ArrayList<>();
    for (TableMetadata table : tables) {
      keyspaces.add(table.keyspace());
      table.indexes().forEach(index -> keyspaces.add(index.keyspace()));
    }
    return new TableStatistics(storage.snapshot(), keyspaces, background);
  }

  private void count(Snapshot snapshot, int keyspace) {
    Counters counters = counters(keyspace);
    long items = 0;
    try (KvCursor cursor = snapshot.scan(KeyCodec.keyspaceRange(keyspace), false)) {
      while (cursor.next()) {
        counters.items.increment();
        counters.bytes.add(ItemCodec.itemSize(cursor.value()));
        if (++items % ITEMS_PER_CHECK == 0 && Thread.currentThread().isInterrupted()) {
          throw new CancellationException("the database is closing");
        }
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
    counted.join();
    return counters(keyspace).items.sum();
  }

  public long sizeBytes(int keyspace) {
    counted.join();
    return counters(keyspace).bytes.sum();
  }

  /**
   * The size counted so far, without waiting for the count at open: for decisions that a low figure only delays,
   * such as how many partitions a table's size needs.
   */
  public long sizeBytesSoFar(int keyspace) {
    Counters counters = byKeyspace.get(keyspace);
    return counters == null ? 0 : counters.bytes.sum();
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
