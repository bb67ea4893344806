package io.shaledb.core.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;

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
 * first two split the widest partitions in half until the count is reached, up to {@link #MOST_FOR_NEED}.
 *
 * <p>Lookups read an immutable array; a split replaces it under the object's lock and hands the new starts to be
 * kept ({@link PartitionBoundaries}), so that a restart begins with the partitions the table had.
 */
final class Partitions {
  /** The largest partition DynamoDB keeps ("Partitions and data distribution"). */
  static final long BYTES_PER_PARTITION = 10L * 1024 * 1024 * 1024;
  /**
   * The most partitions throughput and size alone make (4,096: over 12 million read and 4 million write units a
   * second spread evenly), so that a table provisioned absurdly high, as benchmarks do to never be throttled, does not
   * make millions of partitions; splits for heat may add more.
   */
  static final int MOST_FOR_NEED = 4_096;
  private static final long HASHES = 1L << Integer.SIZE;

  private volatile Partition[] partitions;
  private final Consumer<long[]> splitTo;

  /**
   * @param starts where the partitions begin beyond 0, ascending, as stored
   * @param splitTo told of every start beyond 0 after each split
   */
  Partitions(long[] starts, long nowMillis, Consumer<long[]> splitTo) {
    Partition[] made = new Partition[starts.length + 1];
    for (int i = 0; i < made.length; i++) {
      made[i] = new Partition(i == 0 ? 0 : starts[i - 1], i == starts.length ? HASHES : starts[i], nowMillis);
    }
    this.partitions = made;
    this.splitTo = splitTo;
  }

  /**
   * The partitions needed to serve {@code readUnits} and {@code writeUnits} a second and hold {@code bytes}, at most
   * {@link #MOST_FOR_NEED}.
   */
  static int needed(double readUnits, double writeUnits, long bytes) {
    double forThroughput = Math.ceil(readUnits / Partition.READ_UNITS + writeUnits / Partition.WRITE_UNITS);
    long forSize = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.min(MOST_FOR_NEED, Math.max(1, Math.max((long) forThroughput, forSize)));
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

  /**
   * Splits the widest partitions in half until there are at least {@code count}: a round splits every partition of
   * the greatest width, so reaching a count costs a few passes.
   */
  void atLeast(int count, long nowMillis) {
    if (partitions.length >= count) {
      return;
    }
    synchronized (this) {
      int before = partitions.length;
      int total = before;
      while (total < count) {
        long widest = 0;
        for (Partition partition : partitions) {
          widest = Math.max(widest, partition.end() - partition.start());
        }
        if (widest < 2) {
          break;
        }
        List<Partition> next = new ArrayList<>(2 * partitions.length);
        for (Partition partition : partitions) {
          long width = partition.end() - partition.start();
          if (width == widest && total < count) {
            long middle = partition.start() + width / 2;
            next.add(new Partition(partition.start(), middle, nowMillis));
            next.add(new Partition(middle, partition.end(), nowMillis));
            total++;
          } else {
            next.add(partition);
          }
        }
        partitions = next.toArray(Partition[]::new);
      }
      if (total > before) {
        splitTo.accept(starts());
      }
    }
  }

  /**
   * Splits the partitions at each of {@code stored} (starts beyond 0, ascending) that is not a boundary yet: splits
   * another server sharing the storage made and kept, which are stored already. A partition left whole keeps its
   * buckets and heat; the parts of a split one start afresh, as after a split here.
   */
  void adopt(long[] stored, long nowMillis) {
    if (hasEvery(stored)) {
      return;
    }
    synchronized (this) {
      Partition[] current = partitions;
      long[] all = LongStream.concat(LongStream.of(starts()), LongStream.of(stored)).sorted().distinct().toArray();
      Partition[] next = new Partition[all.length + 1];
      int containing = 0;
      for (int i = 0; i < next.length; i++) {
        long start = i == 0 ? 0 : all[i - 1];
        long end = i == all.length ? HASHES : all[i];
        while (current[containing].end() <= start) {
          containing++;
        }
        Partition existing = current[containing];
        next[i] = existing.start() == start && existing.end() == end ? existing : new Partition(start, end, nowMillis);
      }
      partitions = next;
    }
  }

  private boolean hasEvery(long[] stored) {
    long[] starts = starts();
    for (long start : stored) {
      if (Arrays.binarySearch(starts, start) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Where the partitions begin beyond 0. */
  private long[] starts() {
    Partition[] current = partitions;
    long[] starts = new long[current.length - 1];
    for (int i = 1; i < current.length; i++) {
      starts[i - 1] = current[i].start();
    }
    return starts;
  }

  /** Charges {@code units} to the partition of {@code hash}, splitting it when its sustained heat asks for it. */
  void consumed(Access access, int hash, double units, long nowMillis) {
    long unsigned = Integer.toUnsignedLong(hash);
    consumed(of(hash), access, unsigned, unsigned, units, nowMillis);
  }

  /**
   * Charges {@code units} that items of {@code partition} with partition-key hashes (unsigned) from {@code lowest} to
   * {@code highest} consumed, splitting it when its sustained heat asks for it; a partition split meanwhile is no
   * longer looked up, and its charge is lost with it, as its successors start afresh.
   */
  void consumed(Partition partition, Access access, long lowest, long highest, double units, long nowMillis) {
    long point = partition.consumed(access, lowest, highest, units, nowMillis);
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
      splitTo.accept(starts());
    }
  }
}
