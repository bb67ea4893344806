package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import java.time.Instant;

/**
 * DeleteTable, as one catalog change: the table's entry goes, its stream closes (its records stay readable for 24
 * hours) and its keyspaces are marked dropped, all in one commit. The items are removed in the background; nothing
 * can reach them any more, since keyspace ids are never reused. The response says DELETING, as DynamoDB's does. A
 * table with point-in-time recovery on leaves a SYSTEM backup.
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
    return delete(tableName, context, true);
  }

  /**
   * Deletes this region's replica as the region that holds the global table's other members asked
   * ({@link DeleteReplicaTable}): a replica of a table of multi-region strong consistency is deleted only this way.
   */
  TableDescription deleteReplica(String tableName, RequestContext context) {
    return delete(tableName, context, false);
  }

  /** @param byClient whether a client asked, to whom a replica of an MRSC global table is not deleted alone */
  private TableDescription delete(String tableName, RequestContext context, boolean byClient) {
    TableDescription description = db.catalog().change(change -> {
      TableMetadata table = change.table(tableName).orElseThrow(() -> Database.tableNotFound(tableName));
      TableRestores.refuseWhileCreating(table);
      ReplicaUpdates.refuseWhileAddingReplicas(table);
      if (byClient) {
        MultiRegionUpdates.refuseReplicaDeletion(table);
      }
      ConcurrentTableOperations.admit(db.catalog().list(), tableName, ConcurrentTableOperations.LIMIT);
      if (table.deletionProtectionEnabled()) {
        throw DynamoException.validation(
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection"
                + " first.");
      }
      Streams.close(db, change, table);
      if (table.options().pointInTimeRecovery().isPresent()) {
        keepSystemBackup(change, table, Instant.ofEpochMilli(context.clock().millis()));
      } else {
        change.deleteTable(table);
      }
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

  /**
   * Deletes a table with point-in-time recovery on as DynamoDB does, keeping a SYSTEM backup of it as it was when
   * deleted (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html,
   * "Delete a table with PITR enabled"), which RestoreTableFromBackup restores. The backup takes over the table's
   * keyspace, so deleting a table costs no copy: no write reaches a deleted table's keyspace (a write reads the
   * table's catalog entry in its transaction, so one racing this change conflicts and finds no table). Its size and
   * count are the table's statistics.
   */
  private void keepSystemBackup(CatalogTransaction change, TableMetadata table, Instant now) {
    Backups.put(change.storage(), Backup.ofDeletedTable(BackupArns.system(db, table.name(), now), now,
        db.statistics().sizeBytes(table.keyspace()), db.statistics().itemCount(table.keyspace()),
        db.tableArn(table.name()), table));
    change.deleteTableKeepingItems(table);
  }
}
