package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;

/** DescribeKinesisStreamingDestination: every destination the table has had, with its status. */
public final class DescribeKinesisStreamingDestination implements Operation<String, DescribeKinesisDestinationsOutput> {
  private final Database db;

  public DescribeKinesisStreamingDestination(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String tableName) {
    TableNames.check(tableName);
  }

  @Override
  public DescribeKinesisDestinationsOutput execute(String tableName, RequestContext context) {
    TableMetadata table = db.tableForControl(tableName);
    return new DescribeKinesisDestinationsOutput(table.name(), table.options().kinesisDestinations());
  }
}
