package io.shaledb.ignite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.catalog.Catalog;
import org.apache.ignite.internal.catalog.CatalogManager;
import org.apache.ignite.internal.catalog.descriptors.CatalogZoneDescriptor;
import org.apache.ignite.internal.hlc.HybridTimestamp;
import org.apache.ignite.internal.network.NetworkMessage;
import org.apache.ignite.internal.partitiondistribution.Assignment;
import org.apache.ignite.internal.partitiondistribution.TokenizedAssignments;
import org.apache.ignite.internal.placementdriver.PlacementDriver;
import org.apache.ignite.internal.placementdriver.ReplicaMeta;
import org.apache.ignite.internal.placementdriver.message.PlacementDriverMessagesFactory;
import org.apache.ignite.internal.placementdriver.message.StopLeaseProlongationMessage;
import org.apache.ignite.internal.placementdriver.message.StopLeaseProlongationMessageResponse;
import org.apache.ignite.internal.replicator.ZonePartitionId;
import org.apache.ignite.network.ClusterNode;
import org.jspecify.annotations.Nullable;

/**
 * Moves the primary replicas this node holds to other replicas before it stops, so that a graceful stop costs the
 * partitions it led one placement-driver round, not the rest of their leases.
 *
 * <p>Ignite 3.1 stops a node without doing so: its Raft leaders wake a successor as they shut down, but a primary
 * replica's lease outlives the node (up to two seconds, Ignite's minimum), and no other replica may serve the
 * partition before the lease has expired and a new one has been granted and accepted (docs/cluster.md, "Graceful
 * stop"). Ignite has the step it takes itself before a replica restarts: the replica tells the placement driver to stop
 * renewing its lease, naming the replica it proposes instead ({@code StopLeaseProlongationMessage}, which 3.1.0's
 * {@code ReplicaManager.stopLeaseProlongation} sends). The lease is then marked denied in the metastorage; this node
 * keeps serving under it until it ends, and in its first round after that the placement driver grants the partition to
 * the proposed replica, which takes the Raft leadership with it. The handover waits until every partition it gave away
 * has an accepted primary elsewhere, or until its patience runs out, and the node then stops as before.
 *
 * <p>The message is sent here rather than through that method, which is package-private and, on a cluster of more
 * than one metastorage node, awaits an answer from each of them, while only the node running the placement driver
 * answers. Each denial rewrites the metastorage's one entry of all leases, expecting the value the placement driver last
 * read, so denials sent together undo each other: they are sent one after another, each again after a short pause
 * until the placement driver says it took it.
 */
final class PrimaryHandover {
  private static final System.Logger LOG = System.getLogger(PrimaryHandover.class.getName());
  /** How often the placement driver's view is read while the partitions move: its rounds are 500 ms apart. */
  private static final long POLL_MILLIS = 50;
  /** How long the placement driver may take to answer a denial: a metastorage write. */
  private static final long ANSWER_MILLIS = 1_000;
  private static final PlacementDriverMessagesFactory MESSAGES = new PlacementDriverMessagesFactory();

  private final IgniteImpl ignite;

  /**
   * What a handover did: the partitions this node was primary of that have a replica on another live node (a partition
   * of a one-replica zone, such as Ignite's default zone, has no one to take it over), and those of them that had
   * another primary at the end.
   */
  record Outcome(int handed, int moved, Duration took) {}

  PrimaryHandover(IgniteImpl ignite) {
    this.ignite = ignite;
  }

  /**
   * Asks the placement driver to give every partition this node is primary of to another of its replicas, spread over
   * the others, and waits until each has an accepted primary elsewhere, at most until {@code deadline}.
   */
  Outcome run(Deadline deadline) {
    long begun = System.nanoTime();
    String self = ignite.name();
    Set<String> others = ignite.cluster().nodes().stream().map(ClusterNode::name).filter(name -> !name.equals(self))
        .collect(Collectors.toSet());
    List<ZonePartitionId> held = held(self);
    List<ZonePartitionId> handed = new ArrayList<>();
    if (!held.isEmpty() && !others.isEmpty()) {
      List<TokenizedAssignments> assignments = assignments(held, deadline);
      Set<String> metastorageNodes = metastorageNodes(deadline);
      for (int i = 0; i < held.size() && !deadline.passed(); i++) {
        String successor = successor(assignments.get(i), others, handed.size());
        if (successor != null) {
          handed.add(held.get(i));
          deny(held.get(i), successor, metastorageNodes, self, deadline);
        }
      }
    }
    int moved = moved(handed, self);
    while (moved < handed.size() && !deadline.passed() && !Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      moved = moved(handed, self);
    }
    return new Outcome(handed.size(), moved, Duration.ofNanos(System.nanoTime() - begun));
  }

  /** The partitions of every zone whose current primary is this node. */
  private List<ZonePartitionId> held(String self) {
    CatalogManager catalogs = ignite.catalogManager();
    Catalog catalog = catalogs.catalog(catalogs.latestCatalogVersion());
    if (catalog == null) {
      return List.of();
    }
    List<ZonePartitionId> held = new ArrayList<>();
    for (CatalogZoneDescriptor zone : catalog.zones()) {
      for (int partition = 0; partition < zone.partitions(); partition++) {
        ZonePartitionId group = new ZonePartitionId(zone.id(), partition);
        if (holds(group, self)) {
          held.add(group);
        }
      }
    }
    return held;
  }

  /**
   * Each partition's replicas, as the placement driver knows them once the metastorage's safe time has reached now;
   * nulls when they do not come before {@code deadline}.
   */
  private List<@Nullable TokenizedAssignments> assignments(List<ZonePartitionId> groups, Deadline deadline) {
    try {
      return ignite.placementDriver().getAssignments(groups, ignite.clockService().now())
          .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.DEBUG, "the partitions' assignments did not come", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Collections.nCopies(groups.size(), null);
  }

  /**
   * The replica proposed for the {@code index}th partition given away: one of its other replicas on a live node, taken
   * in turn so that the others share the primaries; none when it has no other replica there, or when its assignments
   * did not come in time (its lease then ends as without the handover).
   */
  private static @Nullable String successor(@Nullable TokenizedAssignments assignments, Set<String> others,
      int index) {
    if (assignments == null) {
      return null;
    }
    List<String> candidates = assignments.nodes().stream().map(Assignment::consistentId).filter(others::contains)
        .sorted().toList();
    return candidates.isEmpty() ? null : candidates.get(index % candidates.size());
  }

  /** The nodes of the metastorage group, one of which runs the placement driver; none when they do not come in time. */
  private Set<String> metastorageNodes(Deadline deadline) {
    try {
      return ignite.clusterManagementGroupManager().metaStorageNodes()
          .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.DEBUG, "the metastorage's nodes did not come", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Set.of();
  }

  /**
   * Tells the placement driver to stop renewing this node's lease of {@code group}, proposing {@code successor}, until
   * it says it did, the lease is no longer this node's, or {@code deadline} passes.
   */
  private void deny(ZonePartitionId group, String successor, Set<String> metastorageNodes, String self,
      Deadline deadline) {
    StopLeaseProlongationMessage denial = MESSAGES.stopLeaseProlongationMessage().groupId(group)
        .redirectProposal(successor).build();
    while (!deadline.passed() && !Thread.currentThread().isInterrupted() && holds(group, self)) {
      if (denied(denial, metastorageNodes, deadline)) {
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Sends {@code denial} to every metastorage node: only the one running the placement driver answers, and says
   * whether it denied the lease or found the leases changed under it (another denial or its own round wrote first).
   */
  private boolean denied(StopLeaseProlongationMessage denial, Set<String> metastorageNodes, Deadline deadline) {
    CompletableFuture<@Nullable StopLeaseProlongationMessageResponse> answer = new CompletableFuture<>();
    List<CompletableFuture<NetworkMessage>> sent = new ArrayList<>();
    for (String node : metastorageNodes) {
      CompletableFuture<NetworkMessage> reply = ignite.clusterService().messagingService()
          .invoke(node, denial, ANSWER_MILLIS);
      reply.thenAccept(message -> {
        if (message instanceof StopLeaseProlongationMessageResponse response) {
          answer.complete(response);
        }
      });
      sent.add(reply);
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> answer.complete(null));
    try {
      StopLeaseProlongationMessageResponse response = answer
          .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
      return response != null && response.deniedLeaseExpirationTime() != null;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether this node's placement driver names it the primary of {@code group} now. */
  private boolean holds(ZonePartitionId group, String self) {
    ReplicaMeta primary = ignite.placementDriver().getCurrentPrimaryReplica(group, ignite.clockService().now());
    return primary != null && self.equals(primary.getLeaseholder());
  }

  /** How many of {@code held} have an accepted primary other than this node now. */
  private int moved(List<ZonePartitionId> held, String self) {
    PlacementDriver placement = ignite.placementDriver();
    HybridTimestamp now = ignite.clockService().now();
    int moved = 0;
    for (ZonePartitionId group : held) {
      ReplicaMeta primary = placement.getCurrentPrimaryReplica(group, now);
      if (primary != null && primary.getLeaseholder() != null && !self.equals(primary.getLeaseholder())) {
        moved++;
      }
    }
    return moved;
  }
}
