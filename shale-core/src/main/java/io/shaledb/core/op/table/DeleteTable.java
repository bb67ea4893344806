package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;

/**
 * DeleteTable. The table disappears at once (its items are cleared before this returns); the response says
 * DELETING, as DynamoDB's does.
 */
public final class DeleteTable implements Operation<String, TableDescription> {
  private final Database db;

  public DeleteTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String tableName) {
    TableNames.check(tableName);
  }

  @Override
  public TableDescription execute(String tableName) {
    TableMetadata table = db.tableForControl(tableName);
    if (table.deletionProtectionEnabled()) {
      throw DynamoException.validation(
          "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection"
              + " first.");
    }
    TableDescription description = Describer.describe(db, table, TableStatus.DELETING);
    Streams.close(db, table);
    db.catalog().drop(table);
    db.statistics().forget(table.keyspace());
    table.indexes().forEach(index -> db.statistics().forget(index.keyspace()));
    return description;
  }
}
