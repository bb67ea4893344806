package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import org.jspecify.annotations.Nullable;

/**
 * An item's acceptor state besides its committed value: the highest ballot promised, the proposal accepted last and
 * the instance last seen decided.
 *
 * @param promised the highest ballot promised (by a Prepare or an Accept), or null
 * @param accepted the proposal accepted last, or null; it counts only while it {@link Proposal#follows} the committed
 *     value
 * @param decided the instance this acceptor last saw decided by a Commit (not by a base or the stream, which do not
 *     say which value theirs followed), or null
 */
record AcceptorState(@Nullable ReplicationStamp promised, @Nullable Proposal accepted, @Nullable Decided decided) {
  static final AcceptorState NONE = new AcceptorState(null, null, null);
}
