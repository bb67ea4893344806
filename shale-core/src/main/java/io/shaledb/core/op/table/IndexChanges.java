package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.TableMetadata;

/** What follows a committed change of a table's global indexes: the background work it leaves. */
final class IndexChanges {
  private IndexChanges() {}

  /**
   * Wakes the reclaimer for the keyspaces of the indexes {@code after} no longer has (their statistics forgotten) and
   * the index builder when an index is CREATING.
   */
  static void afterCommit(Database db, TableMetadata before, TableMetadata after) {
    for (IndexMetadata index : before.indexes()) {
      if (after.indexes().stream().noneMatch(i -> i.keyspace() == index.keyspace())) {
        db.statistics().forget(index.keyspace());
        db.background().wake(Service.KEYSPACE_RECLAIM);
      }
    }
    if (after.indexes().stream().anyMatch(i -> i.status() == IndexStatus.CREATING)) {
      db.background().wake(Service.INDEX_BUILD);
    }
  }
}
