package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * A peer region's call telling this one that a replica of a table both hold was created in a third region
 * (docs/global-tables.md, "More than two regions"): the new region becomes a replica here too, CREATING, backfilled
 * with this region's items and tombstones and then sent this region's changes from the stream's next position, read in
 * the catalog change that adds it (every write committed after it is streamed at or after it, every earlier one is in
 * the snapshots the backfill reads). The backfill is what carries the changes this region made before it learnt of
 * the new one and that the caller may not have had when it copied its own items. The caller's table names the new
 * replica's overrides, which this region then describes too. Calling it again changes nothing.
 */
public final class AddReplicaRegion implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;

  public AddReplicaRegion(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || (in.table() == null && in.tableName() == null) || in.regionName() == null) {
      throw DynamoException.validation("AddReplicaRegion needs the SourceRegion, the Table and the RegionName");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    String name = in.table() != null ? in.table().name() : Validated.present(in.tableName());
    String region = Validated.present(in.regionName());
    ReplicaOverrides overrides = Optional.ofNullable(in.table()).flatMap(t -> t.options().replication())
        .flatMap(r -> r.replica(region)).map(Replica::overrides).orElse(ReplicaOverrides.NONE);
    boolean added = db.catalog().change(change -> {
      TableMetadata table = change.table(name)
          .filter(t -> t.options().replication().flatMap(r -> r.replica(source)).isPresent())
          .orElseThrow(() -> DynamoException.resourceNotFound("Requested resource not found: Table: " + name
              + " is not a replica of region " + source));
      Replication replication = table.options().replication().orElseThrow();
      if (region.equals(db.region()) || replication.replica(region).isPresent()) {
        return false;
      }
      ReplicaUpdates.requirePeer(db, region);
      ReplicaPosition.toBackfill(db.storage().nextVersionstamp()).write(change.storage(), table.keyspace(), region);
      change.putTable(table.withOptions(table.options().withReplication(Optional.of(
          replication.with(new Replica(region, ReplicaStatus.CREATING, overrides))))));
      return true;
    });
    if (added) {
      db.background().wake(Service.REPLICATION);
    }
    return added;
  }
}
