package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An item's acceptor state besides its committed value: the highest ballot promised, the proposal accepted last and
 * the instances last seen decided.
 *
 * @param promised the highest ballot promised (by a Prepare or an Accept), or null
 * @param accepted the proposal accepted last, or null; it counts only while it {@link Proposal#follows} the committed
 *     value
 * @param decided the latest instances (by their chosen value's origin, newest first, at most {@link #DECIDED_KEPT})
 *     this acceptor saw decided by a Commit (not by a base or the stream, which do not say which value theirs
 *     followed)
 */
record AcceptorState(@Nullable ReplicationStamp promised, @Nullable Proposal accepted, List<Decided> decided) {
  /**
   * How many decided instances an acceptor keeps per item. Under contention a writer's next round comes a few
   * instances after its own (each region's concurrent writer decides one at most), so a handful tells it its
   * instance's fate; the bound keeps the record a few hundred bytes.
   */
  static final int DECIDED_KEPT = 8;

  static final AcceptorState NONE = new AcceptorState(null, null, List.of());

  private static final Comparator<Decided> NEWEST_FIRST = Comparator.comparing(Decided::origin).reversed();

  AcceptorState {
    decided = List.copyOf(decided);
  }

  /** This state with {@code instance} among the decided ones, if it is among the latest kept. */
  AcceptorState decide(Decided instance) {
    List<Decided> kept = Stream.concat(decided.stream(), Stream.of(instance)).distinct().sorted(NEWEST_FIRST)
        .limit(DECIDED_KEPT).toList();
    return new AcceptorState(promised, accepted, kept);
  }
}
