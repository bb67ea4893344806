package io.shaledb.ignite;

import io.shaledb.core.storage.ClusterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.sql.ResultSet;
import org.apache.ignite.sql.SqlRow;

/**
 * A zone's replica count ({@code SYSTEM.ZONES}) and its replicas' states as each node reports them ({@code
 * SYSTEM.LOCAL_ZONE_PARTITION_STATES}), read through Ignite's public SQL: what the cluster status shows and what the
 * broken replica watch decides on.
 */
final class ZoneReplicaStates {
  private ZoneReplicaStates() {}

  /** How many replicas of each partition {@code zone} keeps. */
  static int replicas(Ignite ignite, String zone) {
    try (ResultSet<SqlRow> rows = ignite.sql().execute(null,
        "SELECT ZONE_REPLICAS FROM SYSTEM.ZONES WHERE ZONE_NAME = ?", zone)) {
      if (!rows.hasNext()) {
        throw new IllegalStateException("Ignite has no zone " + zone);
      }
      return rows.next().intValue("ZONE_REPLICAS");
    }
  }

  /** Each partition's replicas, by partition number, in the order of their nodes' names. */
  static Map<Integer, List<ClusterStatus.Replica>> byPartition(Ignite ignite, String zone) {
    Map<Integer, List<ClusterStatus.Replica>> replicas = new TreeMap<>();
    try (ResultSet<SqlRow> rows = ignite.sql().execute(null, "SELECT PARTITION_ID, NODE_NAME, PARTITION_STATE FROM"
        + " SYSTEM.LOCAL_ZONE_PARTITION_STATES WHERE ZONE_NAME = ? ORDER BY NODE_NAME", zone)) {
      rows.forEachRemaining(row -> replicas.computeIfAbsent(row.intValue("PARTITION_ID"), p -> new ArrayList<>())
          .add(new ClusterStatus.Replica(row.stringValue("NODE_NAME"),
              ClusterStatus.ReplicaState.valueOf(row.stringValue("PARTITION_STATE")))));
    }
    return replicas;
  }
}
