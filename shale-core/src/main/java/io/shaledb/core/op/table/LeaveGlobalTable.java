package io.shaledb.core.op.table;

import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * A peer region's call taking this region's table out of a global table of version 2017.11.29 (UpdateGlobalTable's
 * Delete there): in one catalog change it stops replicating to every region and stays as a regional table with its
 * items. The other regions learn it from its answer to their next call. A table that is not a replica of the
 * caller's is left alone and the call succeeds, so the caller may retry. It answers whether the table left.
 */
public final class LeaveGlobalTable implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;

  public LeaveGlobalTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.tableName() == null) {
      throw DynamoException.validation("LeaveGlobalTable needs the SourceRegion and the TableName");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    return db.catalog().change(change -> {
      Optional<TableMetadata> table = change.table(Validated.present(in.tableName()))
          .filter(t -> t.options().replication().flatMap(r -> r.replica(source)).isPresent());
      if (table.isEmpty()) {
        return false;
      }
      Replication replication = table.get().options().replication().orElseThrow();
      for (Replica replica : replication.replicas()) {
        ReplicaPosition.delete(change.storage(), table.get().keyspace(), replica.region());
      }
      change.putTable(table.get().withOptions(table.get().options().withReplication(
          Optional.of(replication.leftGlobalTable()))));
      return true;
    });
  }
}
