package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.GlobalTableSettings.ReplicaSettings;
import io.shaledb.core.replication.PeerTable;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.TableMetadata;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * DescribeGlobalTableSettings: each replica's billing mode, capacities, global indexes and table class, this
 * region's from its own table and the others' from their tables as their peer links answer them. A region that does
 * not answer is described with this region's settings, which UpdateGlobalTableSettings keeps equal but for read
 * capacities and table classes.
 */
public final class DescribeGlobalTableSettings implements Operation<String, GlobalTableSettings> {
  private static final System.Logger LOG = System.getLogger(DescribeGlobalTableSettings.class.getName());

  private final Database db;

  public DescribeGlobalTableSettings(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String globalTableName) {
    DescribeGlobalTable.requireName(globalTableName);
  }

  @Override
  public GlobalTableSettings execute(String globalTableName, RequestContext context) {
    return describe(db, GlobalTables.find(db, globalTableName));
  }

  static GlobalTableSettings describe(Database db, TableMetadata table) {
    List<ReplicaSettings> replicas = new ArrayList<>(List.of(new ReplicaSettings(db.region(), ReplicaStatus.ACTIVE,
        table)));
    for (Replica replica : table.options().replication().orElseThrow().replicas()) {
      replicas.add(new ReplicaSettings(replica.region(), replica.status(), peerTable(db, table, replica.region())));
    }
    return new GlobalTableSettings(table.name(), replicas);
  }

  private static TableMetadata peerTable(Database db, TableMetadata local, String region) {
    try {
      return db.peers().link(region).flatMap(link -> link.inspect(local.name(), db.region())).map(PeerTable::table)
          .orElse(local);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "region {0} did not describe table {1}: {2}", region, local.name(), e.getMessage());
      return local;
    }
  }
}
