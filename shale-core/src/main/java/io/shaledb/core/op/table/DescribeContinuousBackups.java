package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;

/**
 * DescribeContinuousBackups: whether point-in-time recovery keeps the table's history, and the window a restore can
 * reach (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html).
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
    return ContinuousBackupsOutput.of(requireTable(db, tableName), context.clock().instant());
  }

  /**
   * The backup operations answer an unknown table with TableNotFoundException rather than ResourceNotFoundException
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html, Errors), and
   * so they answer a table still being restored (the ack-api-quirks lab's probes of DynamoDB, 2026-10).
   */
  static TableMetadata requireTable(Database db, String tableName) {
    return db.catalog().find(tableName).filter(table -> !table.restoring())
        .orElseThrow(() -> tableNotFound(tableName));
  }

  /** The table as a backup operation's catalog change finds it ({@link #requireTable}). */
  static TableMetadata requireTable(CatalogTransaction change, String tableName) {
    return change.table(tableName).filter(table -> !table.restoring()).orElseThrow(() -> tableNotFound(tableName));
  }

  static DynamoException tableNotFound(String tableName) {
    return new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName);
  }
}
