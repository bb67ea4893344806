package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;

/**
 * DescribeTableReplicaAutoScaling: the table's name and status and its replicas in other regions, with their global
 * indexes (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTableReplicaAutoScaling.html).
 */
public final class DescribeTableReplicaAutoScaling implements Operation<String, TableAutoScalingOutput> {
  private final Database db;

  public DescribeTableReplicaAutoScaling(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String tableName) {
    TableNames.check(tableName);
  }

  @Override
  public TableAutoScalingOutput execute(String tableName, RequestContext context) {
    return TableAutoScalingOutput.of(db.tableForControl(tableName));
  }
}
