package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import org.jspecify.annotations.Nullable;

/**
 * A value proposed to follow the committed value of ballot {@code base}: each committed value starts one instance of
 * single-decree Paxos, which chooses the value after it.
 *
 * @param base the committed ballot the proposal was made on, or null for an item that has none yet
 * @param origin the ballot under which the write that made the value first proposed it; a proposer completing
 *     another's proposal keeps it, so the write can tell its value was chosen, and the value is committed under it
 *     in every region
 */
public record Proposal(ReplicationStamp ballot, @Nullable ReplicationStamp base, ItemValue value,
    ReplicationStamp origin) {

  /** A write's first proposal of its value. */
  public static Proposal first(ReplicationStamp ballot, @Nullable ReplicationStamp base, ItemValue value) {
    return new Proposal(ballot, base, value, ballot);
  }

  /** This proposal's value proposed again under a higher ballot, to finish it. */
  public Proposal under(ReplicationStamp higher) {
    return new Proposal(higher, base, value, origin);
  }

  /** Whether this proposal is of the instance after {@code committed} (null: nothing committed yet). */
  public boolean follows(@Nullable Committed committed) {
    return committed == null ? base == null : committed.ballot().equals(base);
  }

  /**
   * The value committed once chosen, under its origin ballot: it is after the base (every proposal's ballot is) and
   * before any ballot of the next instance (which were promised after this one was accepted), so an item's committed
   * ballots rise with its values, and every region commits the same one.
   */
  public Committed chosen() {
    return new Committed(origin, value);
  }
}
