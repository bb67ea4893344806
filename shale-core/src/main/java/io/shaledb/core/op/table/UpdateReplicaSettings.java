package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.replication.ReplicaSettingsUpdate;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import java.time.Instant;

/**
 * A peer region's call applying UpdateGlobalTableSettings' settings for this region to its replica of a global table
 * of version 2017.11.29, in one catalog change. A table that is not a replica of the caller's is answered
 * ReplicaNotFoundException.
 */
public final class UpdateReplicaSettings implements Operation<ReplicaSettingsInput, Boolean> {
  private final Database db;

  public UpdateReplicaSettings(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaSettingsInput in) {
    if (in.sourceRegion() == null || in.tableName() == null || in.update() == null) {
      throw DynamoException.validation("UpdateReplicaSettings needs the SourceRegion, the TableName and the Settings");
    }
  }

  @Override
  public Boolean execute(ReplicaSettingsInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    String name = Validated.present(in.tableName());
    if (db.catalog().find(name).filter(GlobalTables::isLegacy)
        .filter(t -> t.options().replication().flatMap(r -> r.replica(source)).isPresent()).isEmpty()) {
      throw UpdateGlobalTable.replicaNotFound();
    }
    apply(db, name, Validated.present(in.update()), db.clock().instant());
    return true;
  }

  /** Applies {@code update} to this region's table of the global table {@code name}, in one catalog change. */
  static TableMetadata apply(Database db, String name, ReplicaSettingsUpdate update, Instant now) {
    return db.catalog().change(change -> {
      TableMetadata table = change.table(name).filter(GlobalTables::isLegacy).orElseThrow(GlobalTables::notFound);
      TableMetadata updated = update.applyTo(table, now);
      change.putTable(updated);
      return updated;
    });
  }
}
