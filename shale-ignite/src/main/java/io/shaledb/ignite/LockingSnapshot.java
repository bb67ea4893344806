package io.shaledb.ignite;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.WriteConflictException;
import java.util.function.Function;
import org.apache.ignite.tx.Transaction;
import org.apache.ignite.tx.TransactionOptions;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot for one strongly consistent request: an Ignite read-write transaction, begun at the first read, whose
 * reads go to each partition's primary replica under shared locks and so see the latest commit, made through any node;
 * the locks, held to {@link #close()}, keep what it read from changing meanwhile, so its reads are one point in time.
 * Ignite's read-only transactions, which take no locks, read up to the clock-skew allowance in the past and may miss a
 * commit another node has acknowledged (docs/cluster.md).
 *
 * <p>Under Ignite's wait-die a commit that meets one of these locks either waits (when older) or runs again (when
 * younger), and a read that meets a commit's lock when younger is aborted. Until the snapshot has answered a read, it
 * starts again in a new transaction after a pause; afterwards it cannot without changing what it answered, and the
 * read fails as retriable ({@link IgniteErrors#readFailure}).
 */
final class LockingSnapshot implements Snapshot {
  private final Keyspace keyspace;
  private @Nullable Transaction locked;
  private boolean answered;

  LockingSnapshot(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return read(tx -> keyspace.calls().await("a locking read", keyspace.keys().getAsync(tx, key)));
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    return read(tx -> keyspace.scan(tx, range, reverse));
  }

  private <T> T read(Function<Transaction, T> read) {
    for (int attempt = 1; ; attempt++) {
      if (locked == null) {
        locked = keyspace.begin(new TransactionOptions());
      }
      try {
        T result = read.apply(locked);
        answered = true;
        return result;
      } catch (RuntimeException e) {
        close();
        RuntimeException failure = IgniteErrors.commitFailure(e);
        if (!(failure instanceof WriteConflictException) || answered || attempt == LockConflicts.ATTEMPTS) {
          throw IgniteErrors.readFailure(e);
        }
      }
      LockConflicts.pauseAfter(attempt);
    }
  }

  /** Ends the transaction, releasing its locks; it wrote nothing, so rolling back is all there is to do. */
  @Override
  public void close() {
    Transaction ending = locked;
    locked = null;
    if (ending != null) {
      keyspace.rollback(ending);
    }
  }
}
