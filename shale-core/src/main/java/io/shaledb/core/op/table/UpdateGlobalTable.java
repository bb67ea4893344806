package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.List;
import java.util.Optional;

/**
 * UpdateGlobalTable (global tables version 2017.11.29): a Create joins the existing, empty table of another region to
 * the global table (checked through its peer link first, then joined by the replicator as CreateGlobalTable's
 * regions are); a Delete takes a region out of it: another region's table leaves through its peer link and stays
 * there as a regional table, and this region's own table stops replicating at once (the others learn it from its
 * answer to their next call, as for a replica deleted with DeleteTable).
 */
public final class UpdateGlobalTable implements Operation<UpdateGlobalTableInput, GlobalTableDescription> {
  private final Database db;

  public UpdateGlobalTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UpdateGlobalTableInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("globalTableName", in.globalTableName());
    v.notNull("replicaUpdates", in.replicaUpdates());
    TableNames.declared(v, "globalTableName", in.globalTableName()).throwIfAny();
    for (ReplicaUpdate update : Validated.present(in.replicaUpdates())) {
      if (update.action() == null || update.action() == ReplicaUpdate.Action.UPDATE || update.regionName() == null) {
        // ShaleDB's words for an entry DynamoDB's model requires one action of.
        throw DynamoException.validation("One or more parameter values were invalid: a ReplicaUpdates entry of"
            + " UpdateGlobalTable needs one of Create or Delete, with its RegionName");
      }
    }
  }

  @Override
  public GlobalTableDescription execute(UpdateGlobalTableInput in, RequestContext context) {
    String name = Validated.present(in.globalTableName());
    List<ReplicaUpdate> updates = Validated.present(in.replicaUpdates());
    TableMetadata before = GlobalTables.find(db, name);
    for (ReplicaUpdate update : updates) {
      String region = Validated.present(update.regionName());
      boolean member = GlobalTables.regions(db, before).contains(region);
      if (update.action() == ReplicaUpdate.Action.CREATE) {
        if (member) {
          throw replicaAlreadyExists();
        }
        GlobalTables.requireJoinable(GlobalTables.link(db, region), region, before, db.region());
      } else if (!member) {
        throw replicaNotFound();
      }
    }
    TableMetadata after = db.catalog().change(change -> {
      TableMetadata table = change.table(name).filter(GlobalTables::isLegacy).orElseThrow(GlobalTables::notFound);
      Replication replication = table.options().replication().orElseThrow();
      for (ReplicaUpdate update : updates) {
        String region = Validated.present(update.regionName());
        if (update.action() == ReplicaUpdate.Action.CREATE) {
          if (replication.replica(region).isPresent()) {
            throw replicaAlreadyExists();
          }
          ReplicaPosition.toCreate(db.storage().nextVersionstamp()).write(change.storage(), table.keyspace(), region);
          replication = replication.with(new Replica(region, ReplicaStatus.CREATING));
        } else if (region.equals(db.region())) {
          for (Replica replica : replication.replicas()) {
            ReplicaPosition.delete(change.storage(), table.keyspace(), replica.region());
          }
          replication = replication.leftGlobalTable();
        } else {
          Replica replica = replication.replica(region).orElseThrow(UpdateGlobalTable::replicaNotFound);
          replication = replication.with(replica.withStatus(ReplicaStatus.DELETING));
        }
      }
      TableMetadata updated = table.withOptions(table.options().withReplication(Optional.of(replication)));
      change.putTable(updated);
      return updated;
    });
    db.background().wake(Service.REPLICATION);
    return GlobalTables.describe(db, after);
  }

  static DynamoException replicaAlreadyExists() {
    return new DynamoException(ErrorCode.REPLICA_ALREADY_EXISTS,
        "The specified replica is already part of the global table.");
  }

  static DynamoException replicaNotFound() {
    return new DynamoException(ErrorCode.REPLICA_NOT_FOUND,
        "The specified replica is no longer part of the global table.");
  }
}
