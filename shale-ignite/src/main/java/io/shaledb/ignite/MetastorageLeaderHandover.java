package io.shaledb.ignite;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.metastorage.impl.MetaStorageManagerImpl;
import org.apache.ignite.internal.raft.Peer;
import org.apache.ignite.internal.raft.service.RaftGroupService;
import org.apache.ignite.network.ClusterNode;

/**
 * Hands the metastorage group's Raft leadership to another member before this node stops, when this node holds it.
 *
 * <p>The cluster's metadata, its clock's safe time and the placement driver (which runs on the group's leader) all
 * wait for that leader. Ignite 3.1's stop wakes a successor as the group shuts down, but only once the node is already
 * leaving, so requests then wait for the new leader and its placement driver after the primaries have moved
 * (docs/cluster.md, "Graceful stop"). Transferring the leadership first moves all of that while this node still
 * answers, and before the primaries' handover, whose denials go to the placement driver; through the group's own
 * Raft client ({@code MetaStorageManagerImpl.metaStorageService().raftGroupService()}, internal in 3.1.0, as {@link
 * IgniteMembership}'s lookups are).
 */
final class MetastorageLeaderHandover {
  private static final System.Logger LOG = System.getLogger(MetastorageLeaderHandover.class.getName());

  private final IgniteImpl ignite;

  MetastorageLeaderHandover(IgniteImpl ignite) {
    this.ignite = ignite;
  }

  /**
   * Transfers the group's leadership to another live member when this node leads it; the member it went to, or none
   * when this node did not lead, had no live member to give it to, or the transfer did not finish by {@code deadline}.
   */
  Optional<String> run(Deadline deadline) {
    String self = ignite.name();
    try {
      if (!(ignite.metaStorageManager() instanceof MetaStorageManagerImpl metastorage)) {
        return Optional.empty();
      }
      RaftGroupService group = metastorage.metaStorageService().get(deadline.remainingNanos(), TimeUnit.NANOSECONDS)
          .raftGroupService();
      group.refreshLeader().get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
      Peer leader = group.leader();
      if (leader == null || !self.equals(leader.consistentId())) {
        return Optional.empty();
      }
      Set<String> live = ignite.cluster().nodes().stream().map(ClusterNode::name).collect(Collectors.toSet());
      List<Peer> members = group.peers();
      if (members == null) {
        return Optional.empty();
      }
      Optional<String> next = members.stream().map(Peer::consistentId)
          .filter(name -> !name.equals(self) && live.contains(name)).sorted().findFirst();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      group.transferLeadership(new Peer(next.get())).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
      return next;
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.INFO, "Ignite node {0}: the metastorage's leadership did not move ({1}); it moves"
          + " as the node stops", self, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
