package io.shaledb.core.capacity;

import java.time.Clock;
import java.util.function.LongToDoubleFunction;

/**
 * What one page of a Query or Scan read from each partition of its table or global index, charged to each partition
 * as the page leaves it: pages read keys in order, so the partitions a page reads follow one another and each is
 * charged once, the units of the bytes read there. A partition the page was admitted to but found nothing in is
 * charged the units of nothing read, as the table is for an empty page.
 *
 * <p>Made per page and used on its request's thread only.
 */
public final class PageReads {
  private final Partitions partitions;
  private final LongToDoubleFunction unitsOfBytes;
  private final Clock clock;
  private Partition current;
  private long bytes;
  private long lowest = Long.MAX_VALUE;
  private long highest = Long.MIN_VALUE;

  PageReads(Partitions partitions, Partition start, LongToDoubleFunction unitsOfBytes, Clock clock) {
    this.partitions = partitions;
    this.current = start;
    this.unitsOfBytes = unitsOfBytes;
    this.clock = clock;
  }

  /** Counts {@code itemBytes} read from the item (or index entry) whose partition-key hash is {@code keyHash}. */
  public void read(int keyHash, long itemBytes) {
    long hash = Integer.toUnsignedLong(keyHash);
    if (hash < current.start() || hash >= current.end()) {
      charge();
      current = partitions.of(keyHash);
      bytes = 0;
      lowest = Long.MAX_VALUE;
      highest = Long.MIN_VALUE;
    }
    bytes += itemBytes;
    lowest = Math.min(lowest, hash);
    highest = Math.max(highest, hash);
  }

  /** Charges the partition the page read last; the page is done. */
  public void charge() {
    partitions.consumed(current, Access.READ, lowest, highest, unitsOfBytes.applyAsDouble(bytes), clock.millis());
  }
}
