package io.shaledb.ignite;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.catalog.CatalogManager;
import org.apache.ignite.internal.raft.server.impl.JraftServerImpl;
import org.apache.ignite.internal.replicator.ZonePartitionId;
import org.apache.ignite.internal.wrapper.Wrappers;
import org.apache.ignite.raft.jraft.core.NodeImpl;
import org.apache.ignite.sql.ResultSet;
import org.apache.ignite.sql.SqlRow;

/**
 * The keyspace zone's replicas as the nodes report them ({@code SYSTEM.LOCAL_ZONE_PARTITION_STATES}), asked of one
 * node.
 */
final class ZoneReplicas {
  private static final Duration PATIENCE = Duration.ofMinutes(4);

  private final Ignite ignite;

  ZoneReplicas(Ignite ignite) {
    this.ignite = ignite;
  }

  /** Each node's replica state of {@code partition}, by node name. */
  Map<String, String> states(int partition) {
    Map<String, String> states = new HashMap<>();
    try (ResultSet<SqlRow> rows = ignite.sql().execute(null, "SELECT NODE_NAME, PARTITION_STATE FROM"
        + " SYSTEM.LOCAL_ZONE_PARTITION_STATES WHERE ZONE_NAME = ? AND PARTITION_ID = ?", Keyspace.ZONE, partition)) {
      rows.forEachRemaining(row -> states.put(row.stringValue("NODE_NAME"), row.stringValue("PARTITION_STATE")));
    }
    return states;
  }

  /** The rows each node's replica of {@code partition} holds, by node name. */
  Map<String, Long> rows(int partition) {
    Map<String, Long> counts = new HashMap<>();
    try (ResultSet<SqlRow> rows = ignite.sql().execute(null, "SELECT NODE_NAME, ESTIMATED_ROWS FROM"
        + " SYSTEM.LOCAL_ZONE_PARTITION_STATES WHERE ZONE_NAME = ? AND PARTITION_ID = ?", Keyspace.ZONE, partition)) {
      rows.forEachRemaining(row -> counts.put(row.stringValue("NODE_NAME"), row.longValue("ESTIMATED_ROWS")));
    }
    return counts;
  }

  /** Waits, a few minutes at most, until {@code node}'s replica of {@code partition} is in {@code state}. */
  void awaitState(String node, int partition, String state) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!state.equals(states(partition).get(node))) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("partition " + partition + " on " + node + " not " + state + " within " + PATIENCE
            + ": " + states(partition));
      }
      LockSupport.parkNanos(500_000_000L);
    }
  }

  /**
   * Waits, a few minutes at most, until {@code node}'s replica of {@code partition} holds as many rows as {@code
   * like}'s, and some.
   */
  void awaitSameRows(String node, String like, int partition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Map<String, Long> rows = rows(partition);
      if (rows.getOrDefault(like, 0L) > 0 && rows.get(like).equals(rows.get(node))) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(node + "'s replica of partition " + partition + " does not hold " + like + "'s rows: "
            + rows);
      }
      LockSupport.parkNanos(500_000_000L);
    }
  }

  /** The Raft node of {@code ignite}'s replica of the keyspace zone's {@code partition} (Ignite's internal API). */
  static NodeImpl raftNode(Ignite ignite, int partition) {
    IgniteImpl node = Wrappers.unwrap(ignite, IgniteImpl.class);
    CatalogManager catalogs = node.catalogManager();
    int zone = Objects.requireNonNull(Objects.requireNonNull(catalogs.catalog(catalogs.latestCatalogVersion()))
        .zone(Keyspace.ZONE)).id();
    JraftServerImpl raft = (JraftServerImpl) node.raftManager().server();
    return raft.localNodes().stream()
        .filter(id -> id.groupId().equals(new ZonePartitionId(zone, partition)))
        .map(id -> (NodeImpl) raft.raftGroupService(id).getRaftNode()).findFirst().orElseThrow();
  }
}
