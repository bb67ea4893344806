package io.shaledb.ignite;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.ignite.IgniteServer;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.app.IgniteServerImpl;
import org.apache.ignite.internal.cluster.management.ClusterManagementGroupManager;
import org.apache.ignite.internal.cluster.management.raft.CmgRaftService;
import org.apache.ignite.internal.cluster.management.topology.api.LogicalNode;
import org.apache.ignite.internal.cluster.management.topology.api.LogicalTopologyService;
import org.apache.ignite.internal.network.InternalClusterNode;

/**
 * The logical topology of this process's Ignite node, and the removal of a launch from it, for {@link DeadPeerProbe}.
 *
 * <p>Ignite 3.1's public API has neither: a node leaves the logical topology only when the cluster management group's
 * leader hears from the membership (ScaleCube) that it disappeared, or when a new launch of the same name joins. So
 * this class reaches into Ignite's internals, read from the 3.1.0 sources (as {@link RaftCommonPool} and {@link
 * PartitionCleanupRestart} do, each for its own reason): {@code IgniteServerImpl.igniteImpl()}, its {@code logicalTopologyService().localLogicalTopology()}
 * (this node's copy of the topology, no request), and the private {@code raftService} of its {@code
 * ClusterManagementGroupManager}, whose {@code CmgRaftService.removeFromCluster} is the very call the group's leader
 * makes for a disappeared member (a {@code NodesLeaveCommand} through the group's Raft leader, which removes the launch
 * by its id). Everything is looked up once, at {@link #of}; a later Ignite that renamed any of it leaves the probe off
 * with a warning saying why.
 */
final class IgniteMembership implements DeadPeerProbe.Membership {
  private static final System.Logger LOG = System.getLogger(IgniteMembership.class.getName());

  private final IgniteImpl ignite;
  private final Field cmgRaftService;

  private IgniteMembership(IgniteImpl ignite, Field cmgRaftService) {
    this.ignite = ignite;
    this.cmgRaftService = cmgRaftService;
  }

  /** The membership of {@code server}'s node, or nothing (and a warning) when this Ignite lacks what it needs. */
  static Optional<DeadPeerProbe.Membership> of(IgniteServer server) {
    try {
      if (!(server instanceof IgniteServerImpl impl)) {
        throw new IllegalStateException("the Ignite server is a " + server.getClass().getName()
            + ", not Ignite 3.1's IgniteServerImpl");
      }
      Field field = ClusterManagementGroupManager.class.getDeclaredField("raftService");
      if (field.getType() != CompletableFuture.class) {
        throw new IllegalStateException("ClusterManagementGroupManager.raftService is a " + field.getType().getName());
      }
      field.setAccessible(true);
      IgniteMembership membership = new IgniteMembership(impl.igniteImpl(), field);
      membership.peers();
      return Optional.of(membership);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the dead peer probe is off: this Ignite does not have the internals it was"
          + " written against (Ignite 3.1.0's logical topology and cluster management group): " + e, e);
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
