package io.shaledb.ignite;

import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.table.partition.HashPartition;
import org.apache.ignite.lang.IgniteException;
import org.apache.ignite.network.ClusterNode;
import org.apache.ignite.sql.ResultSet;
import org.apache.ignite.sql.SqlRow;
import org.apache.ignite.table.Table;
import org.apache.ignite.table.partition.Partition;

/**
 * The cluster's status through Ignite's public API: the members of the logical topology ({@code cluster().nodes()}),
 * the nodes this node is connected to that are not members (the physical topology, {@link PhysicalTopology}) and the
 * seeds neither names ({@link ClusterNodes}), the zone's replica count ({@code SYSTEM.ZONES}), each partition's state
 * ({@code SYSTEM.GLOBAL_ZONE_PARTITION_STATES}) and its replicas' states as each node reports them
 * ({@code SYSTEM.LOCAL_ZONE_PARTITION_STATES}), and the primaries (the keyspace table's partition manager). The
 * partitions of a table are its zone's (Ignite 3.1 replicates by zone), so the table's primaries are the zone's.
 */
final class ClusterStatusReader {
  /** A cluster that takes longer to say who leads its partitions is not in a state to serve either. */
  private static final long PRIMARIES_TIMEOUT_SECONDS = 10;
  /**
   * How long a seed that no topology names may take to accept a connection, and this node's REST API to answer: a
   * node on the same network accepts within milliseconds, and an address cut off by a partition costs this much.
   */
  private static final Duration SEED_PATIENCE = Duration.ofSeconds(1);

  private final Ignite ignite;
  private final String table;
  private final List<String> seeds;
  private final PhysicalTopology physicalTopology = new PhysicalTopology(SEED_PATIENCE);

  /**
   * @param table the keyspace's table, in the zone {@link Keyspace#ZONE}
   * @param seeds the {@code host:port} the node was told to find the cluster at
   */
  ClusterStatusReader(Ignite ignite, String table, List<String> seeds) {
    this.ignite = ignite;
    this.table = table;
    this.seeds = List.copyOf(seeds);
  }

  ClusterStatus read() {
    try {
      return new ClusterStatus(nodes(), Keyspace.ZONE, ZoneReplicaStates.replicas(ignite, Keyspace.ZONE), partitions());
    } catch (IgniteException e) {
      throw new StorageUnavailableException("the cluster did not describe itself: " + e.getMessage());
    }
  }

  private List<ClusterStatus.Node> nodes() {
    List<TopologyMember> members = ignite.cluster().nodes().stream().map(TopologyMember::of).toList();
    ClusterNode self = ignite.cluster().localNode();
    List<TopologyMember> connected = self == null ? List.of() : physicalTopology.read(self).orElse(List.of());
    return ClusterNodes.describe(members, connected, seeds, seed -> AddressProbe.accepts(seed, SEED_PATIENCE));
  }

  private List<ClusterStatus.Partition> partitions() {
    Map<Integer, ClusterStatus.PartitionState> states = new TreeMap<>();
    try (ResultSet<SqlRow> rows = ignite.sql().execute(null, "SELECT PARTITION_ID, PARTITION_STATE FROM"
        + " SYSTEM.GLOBAL_ZONE_PARTITION_STATES WHERE ZONE_NAME = ?", Keyspace.ZONE)) {
      rows.forEachRemaining(row -> states.put(row.intValue("PARTITION_ID"),
          ClusterStatus.PartitionState.valueOf(row.stringValue("PARTITION_STATE"))));
    }
    Map<Integer, List<ClusterStatus.Replica>> replicas = ZoneReplicaStates.byPartition(ignite, Keyspace.ZONE);
    Map<Integer, String> primaries = primaries();
    List<ClusterStatus.Partition> partitions = new ArrayList<>();
    states.forEach((number, state) -> partitions.add(new ClusterStatus.Partition(number, state,
        primaries.get(number), replicas.getOrDefault(number, List.of()))));
    return partitions;
  }

  /**
   * Each partition's primary, by number. Ignite's public {@link Partition} has no accessor for its number in 3.1; its
   * one implementation, {@link HashPartition}, has.
   */
  private Map<Integer, String> primaries() {
    Table keys = ignite.tables().table(table);
    if (keys == null) {
      throw new IllegalStateException("Ignite has no table " + table);
    }
    Map<Partition, ClusterNode> primaries;
    try {
      primaries = keys.partitionManager().primaryReplicasAsync().get(PRIMARIES_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while asking the cluster for its primaries");
    } catch (ExecutionException | TimeoutException e) {
      throw new StorageUnavailableException("the cluster did not name its partitions' primaries: " + e);
    }
    Map<Integer, String> names = new HashMap<>();
    primaries.forEach((partition, node) -> {
      if (partition instanceof HashPartition hash && node != null) {
        names.put(hash.partitionId(), node.name());
      }
    });
    return names;
  }
}
