package io.shaledb.core.capacity;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;

/**
 * Where the partitions of tables and global indexes begin, kept in the system keyspace under the keyspace of their
 * table or index ({@code 'H'}) so that splits outlive the process: DynamoDB's partitions never merge, and a table
 * split for heat stays split. Each stored value holds every start but the first (0), as unsigned 32-bit hashes in
 * ascending order.
 *
 * <p>All boundaries are read when the database opens, and again by the catalog's refresh for the splits other servers
 * sharing the storage make ({@link Throughput#adoptStoredSplits}): a request thread may be a network thread that
 * must not wait for storage. A split is written by {@code writer}, off the request's thread, in a storage transaction that
 * adds its boundaries to those stored (partitions only ever split, so concurrent writers merge by union) and that
 * writes nothing once the table or index is gone, whose keys went with its keyspace.
 */
public final class PartitionBoundaries {
  /** Lost conflicts before a split is left unwritten: it is written again with the next split of its table. */
  private static final int MAX_ATTEMPTS = 100;

  private final StorageEngine storage;
  private final TableCatalog catalog;
  private final Executor writer;
  /** The boundaries stored when the database opened, by keyspace. */
  private final Map<Integer, long[]> stored;

  private PartitionBoundaries(StorageEngine storage, TableCatalog catalog, Executor writer,
      Map<Integer, long[]> stored) {
    this.storage = storage;
    this.catalog = catalog;
    this.writer = writer;
    this.stored = stored;
  }

  /** Reads every stored boundary; splits from now on are written by {@code writer}. */
  public static PartitionBoundaries load(StorageEngine storage, TableCatalog catalog, Executor writer) {
    Map<Integer, long[]> stored = new ConcurrentHashMap<>();
    read(storage, stored);
    return new PartitionBoundaries(storage, catalog, writer, stored);
  }

  /**
   * Reads every stored boundary again, for the splits that other servers sharing the storage (a cluster) made since:
   * one short scan, as a table or index has one record of its boundaries. Off the request path.
   */
  void reload() {
    read(storage, stored);
  }

  private static void read(StorageEngine storage, Map<Integer, long[]> into) {
    try (Snapshot snapshot = storage.consistentSnapshot();
        KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.PARTITIONS), false)) {
      while (cursor.next()) {
        into.put(SystemKeyspace.owner(cursor.key()), decode(cursor.value()));
      }
    }
  }

  /** Where the partitions of {@code keyspace} began when last read, beyond 0; empty when never split. */
  long[] starts(int keyspace) {
    long[] starts = stored.get(keyspace);
    return starts == null ? new long[0] : starts;
  }

  /**
   * Keeps {@code starts}, the partitions of {@code keyspace} (the table's own, or one of its global indexes') after a
   * split, once the writer gets to it.
   */
  void split(TableMetadata table, int keyspace, long[] starts) {
    writer.execute(() -> write(table.name(), table.keyspace(), keyspace, starts));
  }

  private void write(String table, int tableKeyspace, int keyspace, long[] starts) {
    byte[] key = SystemKeyspace.partitions(keyspace);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try (Transaction tx = storage.begin()) {
        TableMetadata current = catalog.current(tx, table, tableKeyspace).orElse(null);
        if (current == null || !owns(current, keyspace)) {
          return;
        }
        byte[] before = tx.get(key);
        long[] merged = LongStream.concat(LongStream.of(before == null ? new long[0] : decode(before)),
            LongStream.of(starts)).sorted().distinct().toArray();
        tx.put(key, encode(merged));
        tx.commit();
        return;
      } catch (WriteConflictException e) {
        Thread.onSpinWait();
      }
    }
  }

  private static boolean owns(TableMetadata table, int keyspace) {
    if (table.keyspace() == keyspace) {
      return true;
    }
    for (IndexMetadata index : table.indexes()) {
      if (index.keyspace() == keyspace && !index.local()) {
        return true;
      }
    }
    return false;
  }

  static byte[] encode(long[] starts) {
    ByteBuffer out = ByteBuffer.allocate(starts.length * Integer.BYTES);
    for (long start : starts) {
      out.putInt((int) start);
    }
    return out.array();
  }

  static long[] decode(byte[] value) {
    ByteBuffer in = ByteBuffer.wrap(value);
    long[] starts = new long[value.length / Integer.BYTES];
    Arrays.setAll(starts, i -> Integer.toUnsignedLong(in.getInt()));
    return starts;
  }
}
