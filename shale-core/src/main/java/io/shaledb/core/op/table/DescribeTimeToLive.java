package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;

/** DescribeTimeToLive: ENABLED with the attribute, or DISABLED. */
public final class DescribeTimeToLive implements Operation<String, TimeToLiveOutput> {
  private final Database db;

  public DescribeTimeToLive(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String tableName) {
    TableNames.check(tableName);
  }

  @Override
  public TimeToLiveOutput execute(String tableName, RequestContext context) {
    TableMetadata table = db.tableForControl(tableName);
    return new TimeToLiveOutput(table.timeToLiveAttribute() != null, table.timeToLiveAttribute());
  }
}
