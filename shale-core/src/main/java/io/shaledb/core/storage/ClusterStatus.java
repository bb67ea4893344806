package io.shaledb.core.storage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who holds a clustered engine's data, as the engine sees it at one moment ({@link StorageEngine#clusterStatus()}):
 * its nodes, and for each partition of its keyspace the nodes holding a replica, each replica's state and the primary
 * that serves the partition's reads and writes. For operators ({@code shaledb cluster status}); nothing decides on it.
 *
 * @param nodes the nodes the engine knows, by name
 * @param zone the engine's name for the group of partitions listed (a distribution zone)
 * @param replicas the copies each partition should have
 * @param partitions the partitions, by number
 */
public record ClusterStatus(List<Node> nodes, String zone, int replicas, List<Partition> partitions) {

  public ClusterStatus {
    nodes = List.copyOf(nodes);
    partitions = List.copyOf(partitions);
  }

  /** Where a node stands in its cluster. */
  public enum NodeState {
    /** A member of the cluster's topology: it may hold replicas, and it serves requests. */
    ACTIVE,
    /**
     * An address the engine was told to find the cluster at (a seed) where no node accepts a connection: a node that is
     * down, or out of this node's reach.
     */
    ABSENT,
    /**
     * Connected to this node's network layer but not a member: a node that is joining, waiting for the cluster's
     * management group to let it in.
     */
    JOINING,
    /**
     * A seed address that accepts connections, where no member and no connected node is: a node whose network layer is
     * still starting, or a launch the others refuse to talk to (one they declared failed, which only a new launch
     * cures).
     */
    UNCONNECTED
  }

  /**
   * @param name the node's name, unique in the cluster; null when not known (an absent or unconnected seed)
   * @param address where the other nodes reach it ({@code host:port})
   */
  public record Node(@Nullable String name, String address, NodeState state) {}

  /** How much of a partition can be served, from the states of its replicas. */
  public enum PartitionState {
    /** Every replica is healthy. */
    AVAILABLE,
    /** A majority of the replicas is healthy, so the partition serves; the others are missing or catching up. */
    DEGRADED,
    /** No healthy majority: the partition answers reads, but cannot commit writes. */
    READ_ONLY,
    /** No replica can serve. */
    UNAVAILABLE
  }

  /** What one replica of a partition is doing. */
  public enum ReplicaState {
    /** Up to date, following its leader. */
    HEALTHY,
    /** Starting. */
    INITIALIZING,
    /** Receiving a copy of the partition from its leader: a new replica, or one too far behind for the log. */
    INSTALLING_SNAPSHOT,
    /** Applying the leader's log after a pause. */
    CATCHING_UP,
    /** Failed, and will not recover without help. */
    BROKEN,
    /** Not running (stopping, or not started yet). */
    UNAVAILABLE
  }

  /** @param node the name of the node holding it */
  public record Replica(String node, ReplicaState state) {}

  /**
   * @param number the partition's number, from 0
   * @param primary the node serving it now, or null while none holds the role (between leases)
   * @param replicas its replicas that answered, by node name
   */
  public record Partition(int number, PartitionState state, @Nullable String primary, List<Replica> replicas) {
    public Partition {
      replicas = List.copyOf(replicas);
    }
  }
}
