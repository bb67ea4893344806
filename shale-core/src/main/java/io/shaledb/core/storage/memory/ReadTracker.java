package io.shaledb.core.storage.memory;

import java.util.TreeMap;

/**
 * The read sequences of open snapshots and transactions. Taking a sequence and registering it happen under one
 * lock, and so does computing the oldest one, so a committer never prunes a version that a reader that has just
 * started still needs.
 */
final class ReadTracker {
  private final TreeMap<Long, Integer> open = new TreeMap<>();
  private long latest;

  /** Registers a reader at the latest committed sequence and returns that sequence. */
  synchronized long open() {
    open.merge(latest, 1, Integer::sum);
    return latest;
  }

  synchronized void close(long sequence) {
    open.computeIfPresent(sequence, (k, n) -> n == 1 ? null : n - 1);
  }

  /** Makes {@code sequence} visible to readers opened from now on. */
  synchronized void publish(long sequence) {
    latest = sequence;
  }

  /** The oldest sequence any open or future reader may read at. */
  synchronized long oldestReadable() {
    return open.isEmpty() ? latest : Math.min(open.firstKey(), latest);
  }

  synchronized long latest() {
    return latest;
  }
}
