package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.GlobalTableVersion;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CreateGlobalTable (global tables version 2017.11.29): joins the existing tables of that name in the regions of the
 * ReplicationGroup into one global table, if each has the same keys and indexes, a stream of both images and no
 * items (docs/global-tables.md, "Version 2017.11.29"). The other regions' tables are checked through their peer
 * links before anything changes; then, in one catalog change, this region's table becomes the global table with the
 * others as CREATING replicas, and the replicator joins each (as it creates a replica for ReplicaUpdates) and
 * replicates from then on. The group must include this region: ShaleDB keeps a global table in the regions that
 * hold it, and this one holds the table the call names.
 */
public final class CreateGlobalTable implements Operation<CreateGlobalTableInput, GlobalTableDescription> {
  private final Database db;

  public CreateGlobalTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(CreateGlobalTableInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("globalTableName", in.globalTableName());
    v.notNull("replicationGroup", in.replicationGroup());
    TableNames.declared(v, "globalTableName", in.globalTableName()).throwIfAny();
  }

  @Override
  public GlobalTableDescription execute(CreateGlobalTableInput in, RequestContext context) {
    String name = Validated.present(in.globalTableName());
    Set<String> group = new LinkedHashSet<>(Validated.present(in.replicationGroup()));
    if (!group.contains(db.region())) {
      // ShaleDB's words: see the class comment.
      throw DynamoException.validation("One or more parameter values were invalid: the ReplicationGroup must"
          + " include the region called, " + db.region());
    }
    group.remove(db.region());
    TableMetadata local = db.catalog().find(name).orElseThrow(() -> GlobalTables.tableNotFound(name, db.region()));
    checkLocal(local);
    for (String region : group) {
      GlobalTables.requireJoinable(GlobalTables.link(db, region), region, local, db.region());
    }
    Instant now = db.clock().instant();
    TableMetadata created = db.catalog().change(change -> {
      TableMetadata table = change.table(name).filter(t -> t.keyspace() == local.keyspace())
          .orElseThrow(() -> GlobalTables.tableNotFound(name, db.region()));
      GlobalTables.requireJoinable(db.region(), table, table, GlobalTables.empty(change.storage(), table));
      List<Replica> replicas = group.stream().map(region -> new Replica(region, ReplicaStatus.CREATING)).toList();
      long streamFrom = db.storage().nextVersionstamp();
      for (String region : group) {
        ReplicaPosition.toCreate(streamFrom).write(change.storage(), table.keyspace(), region);
      }
      TableMetadata global = table.withOptions(table.options().withReplication(Optional.of(new Replication(
          change.allocateKeyspaces(1), now, replicas, null, GlobalTableVersion.V2017_11_29))));
      change.putTable(global);
      return global;
    });
    db.background().wake(Service.REPLICATION);
    return GlobalTables.describe(db, created);
  }

  private void checkLocal(TableMetadata local) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      GlobalTables.requireJoinable(db.region(), local, local, GlobalTables.empty(snapshot, local));
    }
  }
}
