package io.shaledb.ignite;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import org.apache.ignite.tx.Transaction;
import org.apache.ignite.tx.TransactionOptions;
import org.jspecify.annotations.Nullable;

/**
 * An Ignite read-only transaction: it reads every partition at the one timestamp Ignite chose when it began, from the
 * nearest replica and without locks. Ignite keeps the versions such a read needs for its low-watermark interval (ten
 * minutes by default); a snapshot held longer fails its reads. The timestamp is the later of this node's last commit
 * and "now" less Ignite's clock-skew allowance, so the snapshot may miss what other nodes committed in that window:
 * strongly consistent reads use a {@link LockingSnapshot}.
 */
final class IgniteSnapshot implements Snapshot {
  private final Keyspace keyspace;
  private final Transaction readOnly;

  IgniteSnapshot(Keyspace keyspace) {
    this.keyspace = keyspace;
    this.readOnly = keyspace.begin(new TransactionOptions().readOnly(true));
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    try {
      return keyspace.calls().await("a snapshot's read", keyspace.keys().getAsync(readOnly, key));
    } catch (RuntimeException e) {
      throw IgniteErrors.readFailure(e);
    }
  }

  /**
   * A range scan. Its statement's failure reaches the layer as the SPI's, as a read's does: a replica that times out,
   * or the planner timing out on a starved machine (a server's first scans at its start), is a passing outage.
   */
  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    try {
      return keyspace.scan(readOnly, range, reverse);
    } catch (RuntimeException e) {
      throw IgniteErrors.readFailure(e);
    }
  }

  @Override
  public void close() {
    keyspace.calls().await("ending a snapshot", readOnly.commitAsync());
  }
}
