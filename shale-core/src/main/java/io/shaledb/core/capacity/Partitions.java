package io.shaledb.core.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's partitions, as key ranges of partition-key hashes (item keys begin with the hash, so a range is a
 * contiguous slice of the table, as a DynamoDB partition is). Each serves at most 3,000 read and 1,000 write units a
 * second ({@link Partition}); adaptive capacity lends a busy partition the table's unused capacity, so the table's own
 * buckets and these ceilings are the only limits ("DynamoDB burst and adaptive capacity").
 *
 * <p>The count grows and never shrinks, by three rules (ShaleDB's, after the developer guide's description of
 * partitions and of splits for heat): a table has at least as many partitions as its throughput needs, one per 3,000
 * read units plus one per 1,000 write units (the formula the guide gave for provisioned tables, and for an on-demand
 * table the 12,000 and 4,000 units it serves at once); at least one per 10 GB of data; and a partition that was hot
 * (80% of a ceiling consumed) for 60 consecutive seconds on more than one key splits between the keys it served. The
 * first two split the widest partition in half until the count is reached.
 *
 * <p>Lookups read an immutable array; a split replaces it under the object's lock.
 */
final class Partitions {
  /** The largest partition DynamoDB keeps ("Partitions and data distribution"). */
  static final long BYTES_PER_PARTITION = 10L * 1024 * 1024 * 1024;
  private static final long HASHES = 1L << Integer.SIZE;

  private volatile Partition[] partitions;

  Partitions(long nowMillis) {
    this.partitions = new Partition[] {new Partition(0, HASHES, nowMillis)};
  }

  /** The partitions needed to serve {@code readUnits} and {@code writeUnits} a second and hold {@code bytes}. */
  static int needed(double readUnits, double writeUnits, long bytes) {
    double forThroughput = Math.ceil(readUnits / Partition.READ_UNITS + writeUnits / Partition.WRITE_UNITS);
    long forSize = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.max(1, Math.max((long) forThroughput, forSize));
  }

  int count() {
    return partitions.length;
  }

  /** The partition of the item whose partition-key hash is {@code hash}. */
  Partition of(int hash) {
    Partition[] current = partitions;
    long key = Integer.toUnsignedLong(hash);
    int low = 0;
    int high = current.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (current[middle].start() <= key) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return current[low];
  }

  /** Splits the widest partitions in half until there are at least {@code count}. */
  void atLeast(int count, long nowMillis) {
    if (partitions.length >= count) {
      return;
    }
    synchronized (this) {
      while (partitions.length < count) {
        Partition widest = partitions[0];
        for (Partition partition : partitions) {
          if (partition.end() - partition.start() > widest.end() - widest.start()) {
            widest = partition;
          }
        }
        if (widest.end() - widest.start() < 2) {
          return;
        }
        split(widest, widest.start() + (widest.end() - widest.start()) / 2, nowMillis);
      }
    }
  }

  /** Charges {@code units} to the partition of {@code hash}, splitting it when its sustained heat asks for it. */
  void consumed(Access access, int hash, double units, long nowMillis) {
    Partition partition = of(hash);
    long point = partition.consumed(access, Integer.toUnsignedLong(hash), units, nowMillis);
    if (point > 0) {
      synchronized (this) {
        split(partition, point, nowMillis);
      }
    }
  }

  /** Replaces {@code partition} by its two halves at {@code point}, unless another thread split it first. */
  private void split(Partition partition, long point, long nowMillis) {
    List<Partition> next = new ArrayList<>(partitions.length + 1);
    boolean found = false;
    for (Partition existing : partitions) {
      if (existing == partition) {
        next.add(new Partition(existing.start(), point, nowMillis));
        next.add(new Partition(point, existing.end(), nowMillis));
        found = true;
      } else {
        next.add(existing);
      }
    }
    if (found) {
      partitions = next.toArray(Partition[]::new);
    }
  }
}
