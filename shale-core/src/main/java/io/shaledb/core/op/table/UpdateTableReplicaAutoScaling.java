package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;

/**
 * UpdateTableReplicaAutoScaling on a table without replicas. A replica update names a region the table has no
 * replica in, and ShaleDB scales no capacity, so a request that asks for either is refused, saying which; one that
 * asks for nothing is answered with the description, as DescribeTableReplicaAutoScaling answers.
 */
public final class UpdateTableReplicaAutoScaling
    implements Operation<UpdateTableReplicaAutoScalingInput, TableAutoScalingOutput> {
  private final Database db;

  public UpdateTableReplicaAutoScaling(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UpdateTableReplicaAutoScalingInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    for (int i = 0; i < in.replicaRegions().size(); i++) {
      v.notNull("replicaUpdates." + (i + 1) + ".member.regionName", in.replicaRegions().get(i));
    }
    v.throwIfAny();
  }

  @Override
  public TableAutoScalingOutput execute(UpdateTableReplicaAutoScalingInput in, RequestContext context) {
    TableMetadata table = db.tableForControl(Validated.present(in.tableName()));
    for (String region : in.replicaRegions()) {
      if (table.options().replication().flatMap(r -> r.replica(region)).isEmpty()) {
        throw DynamoException.validation("One or more parameter values were invalid: Table " + table.name()
            + " has no replica in region " + region);
      }
    }
    if (!in.scalingUpdates().isEmpty()) {
      throw DynamoException.validation(
          "ShaleDB does not support " + String.join(", ", in.scalingUpdates()) + " yet");
    }
    return TableAutoScalingOutput.of(table);
  }
}
