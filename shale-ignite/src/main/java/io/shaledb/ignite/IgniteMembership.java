package io.shaledb.ignite;

import io.scalecube.cluster.Cluster;
import io.scalecube.cluster.Member;
import io.scalecube.cluster.membership.MembershipEvent;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.ignite.IgniteServer;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.cluster.management.ClusterManagementGroupManager;
import org.apache.ignite.internal.cluster.management.raft.CmgRaftService;
import org.apache.ignite.internal.cluster.management.topology.api.LogicalNode;
import org.apache.ignite.internal.cluster.management.topology.api.LogicalTopologyService;
import org.apache.ignite.internal.network.InternalClusterNode;
import org.apache.ignite.internal.network.TopologyService;

/**
 * The logical topology of this process's Ignite node, its physical topology, and the removal of a launch from each,
 * for {@link DeadPeerProbe}.
 *
 * <p>Ignite 3.1's public API has none of it: a node leaves the logical topology only when the cluster management
 * group's leader hears from the membership (ScaleCube) that it disappeared, or when a new launch of the same name
 * joins; and it leaves a node's physical topology only when that node's ScaleCube declares it dead. So this class
 * reaches into Ignite's internals, read from the 3.1.0 sources (as {@link RaftCommonPool} and {@link
 * PartitionCleanupRestart} do, each for its own reason): {@code IgniteServerImpl.igniteImpl()}, its {@code
 * logicalTopologyService().localLogicalTopology()} (this node's copy of the topology, no request), and the private
 * {@code raftService} of its {@code ClusterManagementGroupManager}, whose {@code CmgRaftService.removeFromCluster} is
 * the very call the group's leader makes for a disappeared member (a {@code NodesLeaveCommand} through the group's Raft
 * leader, which removes the launch by its id).
 *
 * <p>For the physical topology: {@code clusterService().topologyService()}, a {@code ScaleCubeTopologyService}, whose
 * package-private {@code onMembershipEvent} is where ScaleCube hands it every membership event, and its private {@code
 * cluster}, ScaleCube's own view. A launch is dropped by handing that method the event ScaleCube itself sends when it
 * declares a member dead ({@code MembershipEvent.createRemoved}, on ScaleCube's own {@code Member}), as Ignite hands it
 * an artificial event for the local member at start. That event's handlers are the node's whole reaction to a lost
 * launch, each keyed by the launch's id or name: the launch leaves the maps behind {@code getById} (which the
 * transactions' orphan detection asks) and {@code getByConsistentId}, its id is marked stale, its connections close and
 * their pending sends fail, Raft's and SQL's per-node state is cleared, and on the cluster management group's leader it
 * is removed from the logical topology. ScaleCube's own event for the launch comes later and finds it gone: every one
 * of those handlers does nothing the second time (docs/cluster.md, "Failover and rejoin", has the reading).
 *
 * <p>Everything is looked up once, at {@link #of}; a later Ignite that renamed any of it leaves the probe off, or only
 * its physical part, with a warning saying why.
 */
final class IgniteMembership implements DeadPeerProbe.Membership {
  private static final System.Logger LOG = System.getLogger(IgniteMembership.class.getName());

  private final IgniteImpl ignite;
  private final Field cmgRaftService;
  private final Optional<ScaleCubeTopology> physical;

  /** This node's ScaleCube-backed physical topology and the two internals that drop a launch from it. */
  private record ScaleCubeTopology(TopologyService topology, Method onMembershipEvent, Field cluster, Clock clock) {
    /** Looks the internals up on {@code ignite}'s topology service; throws when this Ignite lacks them. */
    static ScaleCubeTopology of(IgniteImpl ignite, Clock clock) throws ReflectiveOperationException {
      TopologyService topology = ignite.clusterService().topologyService();
      Method onMembershipEvent = topology.getClass().getDeclaredMethod("onMembershipEvent", MembershipEvent.class);
      Field cluster = topology.getClass().getDeclaredField("cluster");
      if (cluster.getType() != Cluster.class) {
        throw new IllegalStateException(topology.getClass().getName() + ".cluster is a " + cluster.getType().getName());
      }
      onMembershipEvent.setAccessible(true);
      cluster.setAccessible(true);
      ScaleCubeTopology physical = new ScaleCubeTopology(topology, onMembershipEvent, cluster, clock);
      physical.scaleCube();
      return physical;
    }

    /** ScaleCube's view of the members, which it sets once it has started. */
    Cluster scaleCube() throws IllegalAccessException {
      Object cluster = this.cluster.get(topology);
      if (cluster == null) {
        throw new IllegalStateException("the membership (ScaleCube) has not started");
      }
      return (Cluster) cluster;
    }
  }

  private IgniteMembership(IgniteImpl ignite, Field cmgRaftService, Optional<ScaleCubeTopology> physical) {
    this.ignite = ignite;
    this.cmgRaftService = cmgRaftService;
    this.physical = physical;
  }

  /** The membership of {@code server}'s node, or nothing (and a warning) when this Ignite lacks what it needs. */
  static Optional<DeadPeerProbe.Membership> of(IgniteServer server, Clock clock) {
    try {
      IgniteImpl ignite = IgniteInternals.of(server);
      Field field = ClusterManagementGroupManager.class.getDeclaredField("raftService");
      if (field.getType() != CompletableFuture.class) {
        throw new IllegalStateException("ClusterManagementGroupManager.raftService is a " + field.getType().getName());
      }
      field.setAccessible(true);
      IgniteMembership membership = new IgniteMembership(ignite, field, physical(ignite, clock));
      membership.peers();
      return Optional.of(membership);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the dead peer probe is off: this Ignite does not have the internals it was"
          + " written against (Ignite 3.1.0's logical topology and cluster management group): " + e, e);
      return Optional.empty();
    }
  }

  private static Optional<ScaleCubeTopology> physical(IgniteImpl ignite, Clock clock) {
    try {
      return Optional.of(ScaleCubeTopology.of(ignite, clock));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the dead peer probe takes a dead launch out of the logical topology only,"
          + " and leaves it in this node's physical topology until the failure detection drops it: this Ignite does not"
          + " have the internals it was written against (Ignite 3.1.0's ScaleCubeTopologyService): " + e, e);
      return Optional.empty();
    }
  }

  @Override
  public List<DeadPeerProbe.Peer> peers() {
    String self = ignite.name();
    return topology().localLogicalTopology().nodes().stream().filter(node -> !node.name().equals(self))
        .map(node -> new DeadPeerProbe.Peer(node.id(), node.name(), node.address().host(), node.address().port()))
        .toList();
  }

  @Override
  public List<DeadPeerProbe.Peer> connected() {
    return physical.map(physical -> {
      UUID self = physical.topology().localMember().id();
      return physical.topology().allMembers().stream().filter(node -> !node.id().equals(self))
          .map(node -> new DeadPeerProbe.Peer(node.id(), node.name(), node.address().host(), node.address().port()))
          .toList();
    }).orElse(List.of());
  }

  @Override
  public void forget(DeadPeerProbe.Peer peer) {
    physical.ifPresent(physical -> forget(physical, peer));
  }

  private static void forget(ScaleCubeTopology physical, DeadPeerProbe.Peer peer) {
    try {
      Optional<Member> member = physical.scaleCube().member(peer.launch().toString());
      // Without ScaleCube's member, ScaleCube has declared it dead already and its own event drops it.
      if (member.isPresent() && physical.topology().getById(peer.launch()) != null) {
        physical.onMembershipEvent().invoke(physical.topology(),
            MembershipEvent.createRemoved(member.get(), null, physical.clock().millis()));
      }
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      // The launch stays until the failure detection drops it, as without the probe.
      LOG.log(System.Logger.Level.WARNING, "node {0} (launch {1}) could not be dropped from this node''s physical"
          + " topology: {2}", peer.name(), peer.launch(),
          String.valueOf(e instanceof InvocationTargetException handler ? handler.getCause() : e));
    }
  }

  @Override
  public CompletionStage<Void> depart(DeadPeerProbe.Peer peer) {
    Optional<LogicalNode> member = topology().localLogicalTopology().nodes().stream()
        .filter(node -> node.id().equals(peer.launch())).findFirst();
    if (member.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return cmgRaftService().thenCompose(service -> service.removeFromCluster(Set.<InternalClusterNode>of(member.get())));
  }

  private LogicalTopologyService topology() {
    return ignite.logicalTopologyService();
  }

  @SuppressWarnings("unchecked")
  private CompletableFuture<CmgRaftService> cmgRaftService() {
    try {
      CompletableFuture<CmgRaftService> service =
          (CompletableFuture<CmgRaftService>) cmgRaftService.get(ignite.clusterManagementGroupManager());
      return service == null
          ? CompletableFuture.failedFuture(new IllegalStateException("the cluster management group is not started"))
          : service;
    } catch (IllegalAccessException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
