package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;

/**
 * DescribeContinuousBackups. ShaleDB takes on-demand backups of every table but keeps no history yet, so it says so:
 * continuous backups ENABLED (as DynamoDB answers for every table) and point-in-time recovery DISABLED, which the
 * infrastructure tools that read them on every refresh take as "off" (the AWS provider for Terraform reads only the
 * recovery status).
 */
public final class DescribeContinuousBackups implements Operation<String, ContinuousBackupsOutput> {
  private final Database db;

  public DescribeContinuousBackups(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String tableName) {
    TableNames.check(tableName);
  }

  @Override
  public ContinuousBackupsOutput execute(String tableName, RequestContext context) {
    requireTable(db, tableName);
    return ContinuousBackupsOutput.ON_DEMAND_ONLY;
  }

  /**
   * The backup operations answer an unknown table with TableNotFoundException rather than ResourceNotFoundException
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html, Errors).
   */
  static void requireTable(Database db, String tableName) {
    if (db.catalog().find(tableName).isEmpty()) {
      throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName);
    }
  }
}
