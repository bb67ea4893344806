package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * A peer region's call deleting here the replica of one of its tables (UpdateTable's ReplicaUpdates Delete there): the
 * table is deleted as DeleteTable deletes it. A table that is gone, or is not a replica of the caller's, is left
 * alone and the call succeeds, so the caller may retry. It answers whether a table was deleted.
 */
public final class DeleteReplicaTable implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;
  private final DeleteTable delete;

  public DeleteReplicaTable(Database db) {
    this.db = db;
    this.delete = new DeleteTable(db);
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.tableName() == null) {
      throw DynamoException.validation("DeleteReplicaTable needs the SourceRegion and the TableName");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    Optional<TableMetadata> replica = db.catalog().find(Validated.present(in.tableName()))
        .filter(table -> table.options().replication().flatMap(r -> r.replica(source)).isPresent());
    if (replica.isEmpty()) {
      return false;
    }
    delete.deleteReplica(replica.get().name(), context);
    return true;
  }
}
