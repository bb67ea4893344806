package io.shaledb.rocksdb;

import io.shaledb.core.storage.Versionstamps;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Assigns versionstamps ({@link io.shaledb.core.storage.Transaction#putVersionstamped}) in commit order. RocksDB does
 * not tell a commit its sequence number, so transactions that write stamped keys commit one at a time under a lock,
 * each stamping above the last; plain transactions never take it. Stamps start above RocksDB's latest sequence
 * number, which only grows and survives a restart with the commits it counted, so stamps never repeat across restarts:
 * each stamped commit advances that number by at least the number of keys it writes.
 */
final class StampedCommits {
  /** A write whose key ends in its commit's versionstamp. */
  record StampedWrite(byte[] prefix, byte[] value) {}

  private final RocksDB db;
  private final ReentrantLock lock = new ReentrantLock();
  /** The highest stamp given; guarded by {@link #lock}. */
  private long last;

  StampedCommits(RocksDB db) {
    this.db = db;
  }

  /** The lowest stamp a commit can receive from now on. */
  long next() {
    lock.lock();
    try {
      return nextLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Adds the stamped writes to {@code transaction} and commits it, in stamp order with every other stamped commit. */
  void commit(org.rocksdb.Transaction transaction, List<StampedWrite> writes) throws RocksDBException {
    lock.lock();
    try {
      long stamp = nextLocked();
      for (StampedWrite write : writes) {
        transaction.put(Versionstamps.append(write.prefix(), stamp++), write.value());
      }
      transaction.commit();
      last = stamp - 1;
    } finally {
      lock.unlock();
    }
  }

  private long nextLocked() {
    return Math.max(last, db.getLatestSequenceNumber()) + 1;
  }
}
