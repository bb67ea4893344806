package io.shaledb.core.consensus;

import io.shaledb.core.model.Bytes;
import io.shaledb.core.replication.ReplicationStamp;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An acceptor's answer to a {@link PaxosRequest}. */
public sealed interface PaxosReply {

  /**
   * The acceptor's state: answers a granted Prepare, and a Read.
   *
   * @param committed its committed value, or null when it has none
   * @param accepted the proposal it accepted on that committed value, or null when it has none
   * @param decided the latest instances it saw decided by a Commit, newest first (a few at most)
   */
  record Promise(@Nullable Committed committed, @Nullable Proposal accepted, List<Decided> decided)
      implements PaxosReply {
    public Promise {
      decided = List.copyOf(decided);
    }
  }

  /** A Prepare or Accept refused: the acceptor promised, or committed, {@code higher}. */
  record Refused(ReplicationStamp higher) implements PaxosReply {}

  /** An Accept or Commit done. */
  record Done() implements PaxosReply {}

  /**
   * The answer to a range read: every key of the range, in the order read, that has a committed value or a proposal
   * accepted on it, up to {@code lastRead}.
   *
   * @param lastRead the last key read (without its keyspace id) when the answer stopped before the range's end, or
   *     null when it read the range to its end
   */
  record Range(List<RangeEntry> entries, @Nullable Bytes lastRead) implements PaxosReply {
    public Range {
      entries = List.copyOf(entries);
    }
  }

}
