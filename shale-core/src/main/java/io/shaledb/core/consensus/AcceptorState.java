package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import org.jspecify.annotations.Nullable;

/**
 * An item's acceptor state besides its committed value: the highest ballot promised and the proposal accepted last.
 *
 * @param promised the highest ballot promised (by a Prepare or an Accept), or null
 * @param accepted the proposal accepted last, or null; it counts only while it {@link Proposal#follows} the committed
 *     value
 */
record AcceptorState(@Nullable ReplicationStamp promised, @Nullable Proposal accepted) {
  static final AcceptorState NONE = new AcceptorState(null, null);
}
