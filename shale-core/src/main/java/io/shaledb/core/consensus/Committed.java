package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import org.jspecify.annotations.Nullable;

/**
 * An item's value as chosen and committed, with the ballot that committed it (the item's replication stamp).
 * Successive committed values of an item have rising ballots, so the ballot is the value's version.
 */
public record Committed(ReplicationStamp ballot, ItemValue value) {

  /** Whether this is newer than {@code other} (null: nothing committed yet). */
  public boolean newerThan(@Nullable Committed other) {
    return other == null || ballot.isAfter(other.ballot);
  }
}
