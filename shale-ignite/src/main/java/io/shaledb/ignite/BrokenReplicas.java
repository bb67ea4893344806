package io.shaledb.ignite;

import io.shaledb.core.storage.ClusterStatus.ReplicaState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of this node's broken replicas to drop and rebuild from the others. A replica whose Raft state machine failed
 * (a page its log replay reads is damaged on disk: docs/cluster.md, "Where a checksum failure shows") is {@link
 * ReplicaState#BROKEN} for good and its partition's requests on this node time out; only dropping the copy and
 * receiving the partition again from the others mends it. That is sound only while the others hold a healthy majority
 * of the partition's replicas without this copy: everything acknowledged is then on a majority of them. Otherwise the
 * copy may be needed, and it is kept for an operator (the rule of {@link UnreadableStorage}).
 *
 * <p>A replica is dropped only once it has been seen broken by two checks in a row, so that a state read in passing
 * does not drop it, and not again before {@link #RECOVERY} has passed, the time a rebuilt replica takes to receive its
 * partition. Not thread-safe: one watch checks at a time.
 */
final class BrokenReplicas {
  /**
   * How long a replica dropped for rebuilding may take to come back before it is dropped again: in-JVM tests on two
   * busy cores saw about a minute from the request to a healthy replica (docs/cluster.md, "The node rebuilds itself").
   */
  static final Duration RECOVERY = Duration.ofMinutes(5);

  /** One replica's state as its node reports it ({@code SYSTEM.LOCAL_ZONE_PARTITION_STATES}). */
  record Report(int partition, String node, ReplicaState state) {}

  /** What a check decides for one of this node's broken replicas. */
  sealed interface Verdict {
    int partition();
  }

  /** Drop this node's copy of {@code partition} and rebuild it: {@code healthyElsewhere} copies are healthy. */
  record Rebuild(int partition, int healthyElsewhere) implements Verdict {}

  /** Keep this node's broken copy of {@code partition}, for the reason {@code why}. */
  record Keep(int partition, String why) implements Verdict {}

  private final String self;
  private final Set<Integer> brokenBefore = new HashSet<>();
  private final Map<Integer, Instant> rebuiltAt = new HashMap<>();
  private final Set<Integer> keptBefore = new HashSet<>();

  /** @param self this node's name */
  BrokenReplicas(String self) {
    this.self = self;
  }

  /**
   * Decides from one reading of the zone's replicas, {@code replicas} copies of each partition, at {@code now}: a
   * {@link Rebuild} for each of this node's replicas broken in this reading and the one before where the other nodes
   * hold a healthy majority, a {@link Keep} the first time one is found where they do not; nothing for a replica
   * rebuilt less than {@link #RECOVERY} ago.
   */
  List<Verdict> check(List<Report> reading, int replicas, Instant now) {
    Set<Integer> broken = new TreeSet<>();
    Map<Integer, Integer> healthyElsewhere = new HashMap<>();
    for (Report report : reading) {
      if (report.node().equals(self)) {
        if (report.state() == ReplicaState.BROKEN) {
          broken.add(report.partition());
        }
      } else if (report.state() == ReplicaState.HEALTHY) {
        healthyElsewhere.merge(report.partition(), 1, Integer::sum);
      }
    }
    rebuiltAt.values().removeIf(at -> !now.isBefore(at.plus(RECOVERY)));
    keptBefore.retainAll(broken);
    List<Verdict> verdicts = new ArrayList<>();
    int majority = replicas / 2 + 1;
    for (int partition : broken) {
      if (!brokenBefore.contains(partition) || rebuiltAt.containsKey(partition)) {
        continue;
      }
      int healthy = healthyElsewhere.getOrDefault(partition, 0);
      if (healthy >= majority) {
        keptBefore.remove(partition);
        rebuiltAt.put(partition, now);
        verdicts.add(new Rebuild(partition, healthy));
      } else if (keptBefore.add(partition)) {
        verdicts.add(new Keep(partition, "the other nodes hold " + healthy + " healthy cop"
            + (healthy == 1 ? "y" : "ies") + " of its " + replicas + ", fewer than a majority (" + majority
            + "), so this copy may hold acknowledged writes they miss"));
      }
    }
    brokenBefore.clear();
    brokenBefore.addAll(broken);
    return verdicts;
  }
}
