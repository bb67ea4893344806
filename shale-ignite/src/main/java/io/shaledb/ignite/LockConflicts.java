package io.shaledb.ignite;

import io.shaledb.core.storage.WriteConflictException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the engine waits out a lock conflict it lost. Ignite settles lock conflicts by wait-die: the younger of two
 * transactions that would wait for each other is aborted at once, and its next attempt is a new, youngest transaction
 * again, so it loses to the same holder until that one ends. A short random pause lets the holder finish first.
 */
final class LockConflicts {
  /**
   * How many times a commit or a strongly consistent read runs its Ignite transaction before it reports the lost
   * conflict. The budget counts attempts, not time, so a busy machine that slows every attempt down does not turn an
   * operation that would succeed into a reported conflict.
   */
  static final int ATTEMPTS = 100;
  /** The longest pause between two attempts: about the time a contended commit holds its locks. */
  private static final long MAX_PAUSE_MILLIS = 20;

  private LockConflicts() {}

  /** Sleeps a random time up to a bound that doubles with each attempt, from 1 ms to {@link #MAX_PAUSE_MILLIS}. */
  static void pauseAfter(int failedAttempts) {
    long bound = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(failedAttempts - 1, 5));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteConflictException("interrupted while waiting to run again after a lost lock conflict");
    }
  }
}
