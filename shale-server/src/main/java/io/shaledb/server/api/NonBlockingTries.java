package io.shaledb.server.api;

import io.shaledb.core.storage.WouldBlockException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a call is first tried without blocking. A try that would block costs a good part of the read it
 * precedes (on RocksDB, the index and filter lookups), and on a table much larger than the block cache most tries
 * would block, so trying every call would make reads slower than not trying at all (docs/benchmarks.md, item 21).
 * So after a try that would have blocked, the next calls skip the try for a stretch that doubles with
 * each further miss, up to {@value #MAX_STRETCH} calls, and halves with each success: calls are tried while more
 * than about half of the tries succeed. A call that waits whatever the storage holds (a write, or a strongly
 * consistent read of a table of multi-region strong consistency, which waits for other regions) goes to a worker
 * without counting: it says nothing of whether the next call's data is in memory, and counted, a stream of them would
 * keep every other call off the fast path. Shared by the event loops; a lost update only shifts the heuristic.
 */
final class NonBlockingTries {
  static final int MAX_STRETCH = 64;

  private final AtomicInteger stretch = new AtomicInteger();
  private final AtomicInteger skipsLeft = new AtomicInteger();

  /** Whether to try this call without blocking; false counts it as one of the calls to skip. */
  boolean shouldTry() {
    return skipsLeft.get() <= 0 || skipsLeft.getAndDecrement() <= 0;
  }

  void succeeded() {
    int current = stretch.get();
    if (current > 0) {
      stretch.compareAndSet(current, current / 2);
    }
  }

  /** A try that would have blocked, for {@code reason}: only a read that needed I/O counts as a miss. */
  void wouldHaveBlocked(WouldBlockException.Reason reason) {
    if (reason != WouldBlockException.Reason.IO) {
      return;
    }
    int next = Math.min(MAX_STRETCH, Math.max(1, stretch.get() * 2));
    stretch.set(next);
    skipsLeft.set(next);
  }
}
