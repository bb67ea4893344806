package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;

/**
 * DeleteTable, as one catalog change: the table's entry goes, its stream closes (its records stay readable for 24
 * hours) and its keyspaces are marked dropped, all in one commit. The items are removed in the background; nothing
 * can reach them any more, since keyspace ids are never reused. The response says DELETING, as DynamoDB's does.
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
  public TableDescription execute(String tableName, RequestContext context) {
    TableDescription description = db.catalog().change(change -> {
      TableMetadata table = change.table(tableName).orElseThrow(() -> Database.tableNotFound(tableName));
      TableRestores.refuseWhileRestoring(table);
      if (table.deletionProtectionEnabled()) {
        throw DynamoException.validation(
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection"
                + " first.");
      }
      Streams.close(db, change, table);
      change.deleteTable(table);
      return Describer.describe(db, table, TableStatus.DELETING);
    });
    TableMetadata deleted = description.table();
    db.statistics().forget(deleted.keyspace());
    for (IndexMetadata index : deleted.indexes()) {
      db.statistics().forget(index.keyspace());
    }
    db.background().wake(Service.KEYSPACE_RECLAIM);
    return description;
  }
}
