package io.shaledb.ignite;

import java.time.Duration;

/**
 * A moment on {@link System#nanoTime()}'s clock that a bounded wait must not pass, for the steps of a graceful stop
 * ({@link PrimaryHandover}, {@link MetastorageLeaderHandover}), which share one patience between several waits.
 *
 * @param nanoTime the moment, as {@link System#nanoTime()} reads it
 */
record Deadline(long nanoTime) {
  /** The moment {@code patience} from now. */
  static Deadline after(Duration patience) {
    return new Deadline(System.nanoTime() + patience.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanoTime >= 0;
  }

  /** What is left of the wait, in nanoseconds; 0 once it has passed. */
  long remainingNanos() {
    return Math.max(0, nanoTime - System.nanoTime());
  }
}
