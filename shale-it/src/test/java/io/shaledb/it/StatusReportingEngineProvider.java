package io.shaledb.it;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.ClusterStatus.NodeState;
import io.shaledb.core.storage.ClusterStatus.PartitionState;
import io.shaledb.core.storage.ClusterStatus.Replica;
import io.shaledb.core.storage.ClusterStatus.ReplicaState;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.ForwardingEngine;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The engine {@code memory-reporting-a-cluster}: the memory engine, declaring {@link Capability#CLUSTER_STATUS} and
 * describing {@link #STATUS}, so that the admin API's DescribeCluster and {@code shaledb cluster status} are tested
 * through a server without starting a cluster (the real engine's status is tested in shale-ignite).
 */
public final class StatusReportingEngineProvider implements StorageEngineProvider {
  /**
   * Two members, a node joining, a seed where a node is up but not connected and one where none is; a partition short
   * of a replica and one with a replica catching up.
   */
  static final ClusterStatus STATUS = new ClusterStatus(List.of(
      new ClusterStatus.Node("n0", "127.0.0.1:3344", NodeState.ACTIVE),
      new ClusterStatus.Node("n1", "127.0.0.1:3345", NodeState.ACTIVE),
      new ClusterStatus.Node("n3", "127.0.0.1:3347", NodeState.JOINING),
      new ClusterStatus.Node(null, "127.0.0.1:3346", NodeState.UNCONNECTED),
      new ClusterStatus.Node(null, "127.0.0.1:3348", NodeState.ABSENT)), "SHALE", 3, List.of(
          new ClusterStatus.Partition(0, PartitionState.DEGRADED, "n0",
              List.of(new Replica("n0", ReplicaState.HEALTHY), new Replica("n1", ReplicaState.HEALTHY))),
          new ClusterStatus.Partition(1, PartitionState.DEGRADED, null,
              List.of(new Replica("n0", ReplicaState.HEALTHY), new Replica("n1", ReplicaState.CATCHING_UP)))));

  @Override
  public String name() {
    return "memory-reporting-a-cluster";
  }

  @Override
  public StorageEngine open(EngineOptions options) {
    return new ForwardingEngine(new MemoryEngine()) {
      @Override
      public ClusterStatus clusterStatus() {
        return STATUS;
      }

      @Override
      public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.of(Capability.CLUSTER_STATUS);
        capabilities.addAll(delegate.capabilities());
        return capabilities;
      }
    };
  }
}
