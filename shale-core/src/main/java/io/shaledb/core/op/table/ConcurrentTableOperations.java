package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.TableMetadata;
import java.util.Collection;

/**
 * DynamoDB's limit on table operations in progress at once: up to 500 tables CREATING, UPDATING or DELETING per
 * account, counting CreateTable, UpdateTable, DeleteTable, UpdateTimeToLive, RestoreTableFromBackup and
 * RestoreTableToPointInTime (API reference, LimitExceededException). ShaleDB's table operations take effect at once
 * except where work remains: a restore still copying (the table CREATING), a global index being built or removed and
 * a replica being created or removed (the table UPDATING); those are counted from the catalog, and an operation on
 * another table is refused while the limit's worth are in progress. The count is taken from the catalog's cache
 * within the operation's catalog change, which every other catalog change conflicts with, so it is current once the
 * change commits.
 *
 * <p>The message is the service's, as tools recorded it when the limit was 10 and then 20 (trek10inc's and
 * sebdah's DynamoDB autoscalers' issues), with the current count.
 */
final class ConcurrentTableOperations {
  static final int LIMIT = 500;

  private ConcurrentTableOperations() {}

  /**
   * Refuses an operation on {@code target} (which may not exist yet) while {@code limit} other tables have an operation
   * in progress.
   *
   * @throws DynamoException LimitExceededException
   */
  static void admit(Collection<TableMetadata> tables, String target, int limit) {
    long inProgress = tables.stream()
        .filter(table -> !table.name().equals(target) && inProgress(table))
        .count();
    if (inProgress >= limit) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " + limit
          + " tables can be created, updated, or deleted simultaneously");
    }
  }

  /** Whether an operation on the table is still in progress. */
  static boolean inProgress(TableMetadata table) {
    if (table.restoring()) {
      return true;
    }
    for (IndexMetadata index : table.indexes()) {
      if (index.status() != IndexMetadata.IndexStatus.ACTIVE) {
        return true;
      }
    }
    return table.options().replication().stream().flatMap(replication -> replication.replicas().stream())
        .anyMatch(replica -> replica.status() != Replica.ReplicaStatus.ACTIVE);
  }
}
