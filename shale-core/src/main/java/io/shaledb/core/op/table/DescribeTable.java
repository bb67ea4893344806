package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;

/** DescribeTable. Input: the table name. */
public final class DescribeTable implements Operation<String, TableDescription> {
  private final Database db;

  public DescribeTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String tableName) {
    TableNames.check(tableName);
  }

  @Override
  public TableDescription execute(String tableName, RequestContext context) {
    // Another server sharing the engine may have changed the table just now; clients poll this for the change.
    db.catalog().refresh();
    TableMetadata table = db.tableForControl(tableName);
    return Describer.describe(db, table, Describer.status(table));
  }
}
