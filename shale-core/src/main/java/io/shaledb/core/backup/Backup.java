package io.shaledb.core.backup;

import io.shaledb.core.schema.TableMetadata;
import java.time.Instant;

/**
 * An on-demand backup: its descriptor in the system keyspace, and its items in keyspace {@code keyspace}, keyed as
 * the table's were (the same key encoding after the keyspace id).
 *
 * @param creationDateTime the instant the backup holds the table as of (reset when a copy interrupted by a restart
 *     starts again from a new snapshot)
 * @param sizeBytes the items' DynamoDB size, once AVAILABLE
 * @param itemCount the number of items, once AVAILABLE
 * @param tableArn the source table's ARN
 * @param table the source table's metadata as of the backup, with the source's keyspace, which the copy reads
 */
public record Backup(
    String arn,
    String name,
    BackupStatus status,
    BackupType type,
    Instant creationDateTime,
    long sizeBytes,
    long itemCount,
    int keyspace,
    String tableArn,
    TableMetadata table) {

  public Backup available(long size, long count) {
    return new Backup(arn, name, BackupStatus.AVAILABLE, type, creationDateTime, size, count, keyspace, tableArn,
        table);
  }

  /** The backup as of a new snapshot taken at {@code instant}, after a restart lost the first one. */
  public Backup recopied(Instant instant) {
    return new Backup(arn, name, status, type, instant, sizeBytes, itemCount, keyspace, tableArn, table);
  }

  public Backup deleted() {
    return new Backup(arn, name, BackupStatus.DELETED, type, creationDateTime, sizeBytes, itemCount, keyspace,
        tableArn, table);
  }
}
