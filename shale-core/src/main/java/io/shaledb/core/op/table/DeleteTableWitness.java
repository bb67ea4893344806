package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * A replica region's call ending this region's part as the witness of a table of multi-region strong consistency
 * (GlobalTableWitnessUpdates Delete): the witnessed table's record goes in one catalog change, and its keyspace, with
 * every item's consensus state, is dropped. Answers whether there was one to delete: deleting again succeeds.
 */
public final class DeleteTableWitness implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;

  public DeleteTableWitness(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.tableName() == null) {
      throw DynamoException.validation("DeleteTableWitness needs the SourceRegion and the TableName");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    String name = Validated.present(in.tableName());
    boolean deleted = db.catalog().change(change -> {
      Optional<WitnessedTable> witnessed = change.witnessed(name).filter(w -> w.replicas().contains(source));
      witnessed.ifPresent(change::deleteWitnessed);
      return witnessed.isPresent();
    });
    if (deleted) {
      db.background().wake(Service.KEYSPACE_RECLAIM);
    }
    return deleted;
  }
}
