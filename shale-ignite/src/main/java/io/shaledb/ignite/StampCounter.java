package io.shaledb.ignite;

import java.util.concurrent.locks.ReentrantLock;
import org.apache.ignite.table.KeyValueView;
import org.apache.ignite.tx.Transaction;

/**
 * One keyspace's versionstamp counter: a row of the stamps table, taken under an exclusive lock by every commit that
 * stamps, so that stamps follow commit order.
 *
 * <p>Ignite settles lock conflicts by wait-die: a transaction asking for a lock an older one holds is aborted at once.
 * Every stamping commit needs this one row, so commits of one node that stamp at the same moment would abort each
 * other over and over, each attempt a new and therefore youngest transaction. They queue here instead, in arrival
 * order, so that a node sends one stamping commit at a time to the row; only commits of different nodes meet at it.
 */
final class StampCounter {
  private final KeyValueView<String, Long> counters;
  private final String name;
  private final CallDeadline calls;
  /** Fair, so that a commit that waited longest goes next and none is starved by later arrivals. */
  private final ReentrantLock queue = new ReentrantLock(true);

  StampCounter(KeyValueView<String, Long> counters, String name, CallDeadline calls) {
    this.counters = counters;
    this.name = name;
    this.calls = calls;
  }

  /** The next stamp, as committed: every lower stamp belongs to a completed commit. */
  long next() {
    Long next = calls.await("a read of the versionstamp counter", counters.getAsync(null, name));
    return next == null ? 1 : next;
  }

  /** Runs {@code commit}, which stamps, after this node's stamping commits that arrived before it. */
  void inTurn(Runnable commit) {
    queue.lock();
    try {
      commit.run();
    } finally {
      queue.unlock();
    }
  }

  /**
   * Takes {@code count} consecutive stamps in {@code locked}, which holds the counter's lock until it ends. The lock is
   * taken exclusive at once (the placeholder is overwritten before the commit): two commits reading the row under a
   * shared lock would deadlock upgrading it.
   *
   * @return the first of the stamps
   */
  long take(Transaction locked, int count) {
    Long next = calls.await("a lock of the versionstamp counter", counters.getAndPutAsync(locked, name, 0L));
    long first = next == null ? 1 : next;
    calls.await("a write of the versionstamp counter", counters.putAsync(locked, name, first + count));
    return first;
  }
}
