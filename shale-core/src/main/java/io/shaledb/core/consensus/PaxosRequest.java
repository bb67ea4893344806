package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import org.jspecify.annotations.Nullable;

/** What a proposer asks of an item's acceptor in each region. */
public sealed interface PaxosRequest {

  /** Promise to accept no proposal of a lower ballot, and tell what is committed and accepted. */
  record Prepare(ReplicationStamp ballot) implements PaxosRequest {}

  /**
   * Accept {@code proposal}, after applying {@code base} when it is newer than what the acceptor committed (so a region
   * that missed it catches up).
   *
   * @param base the committed value the proposal was made on, or null for an item that has none yet
   */
  record Accept(Proposal proposal, @Nullable Committed base) implements PaxosRequest {}

  /**
   * Apply a chosen value, if it is newer than what the acceptor committed.
   *
   * @param base the committed ballot the value was chosen to follow, or null when it is the item's first
   */
  record Commit(Committed value, @Nullable ReplicationStamp base) implements PaxosRequest {}

  /** Tell what is committed and accepted, promising nothing (a strongly consistent read). */
  record Read() implements PaxosRequest {}
}
