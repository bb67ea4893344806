package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.TableMetadata;

/**
 * DescribeTimeToLive: ENABLING or DISABLING until the sweeper's next pass has taken the change up (within the sweep
 * interval), then ENABLED or DISABLED.
 */
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
  public TimeToLiveOutput execute(String tableName) {
    TableMetadata table = db.tableForControl(tableName);
    String changing = db.timeToLiveChanges().get(tableName);
    boolean enabled = table.timeToLiveAttribute() != null;
    return new TimeToLiveOutput(enabled, enabled ? table.timeToLiveAttribute() : changing, changing != null);
  }
}
