package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import org.jspecify.annotations.Nullable;

/** An acceptor's answer to a {@link PaxosRequest}. */
public sealed interface PaxosReply {

  /**
   * The acceptor's state: answers a granted Prepare, and a Read.
   *
   * @param committed its committed value, or null when it has none
   * @param accepted the proposal it accepted on that committed value, or null when it has none
   * @param decided the instance it last saw decided by a Commit, or null when none
   */
  record Promise(@Nullable Committed committed, @Nullable Proposal accepted, @Nullable Decided decided)
      implements PaxosReply {}

  /** A Prepare or Accept refused: the acceptor promised, or committed, {@code higher}. */
  record Refused(ReplicationStamp higher) implements PaxosReply {}

  /** An Accept or Commit done. */
  record Done() implements PaxosReply {}
}
