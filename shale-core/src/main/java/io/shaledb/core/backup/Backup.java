package io.shaledb.core.backup;

import io.shaledb.core.schema.TableMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A backup: its descriptor in the system keyspace, and its items in keyspace {@code keyspace}, keyed as the table's
 * were (the same key encoding after the keyspace id).
 *
 * @param creationDateTime the instant the backup holds the table as of (reset when a copy interrupted by a restart
 *     starts again from a new snapshot)
 * @param sizeBytes the items' DynamoDB size, once AVAILABLE
 * @param itemCount the number of items, once AVAILABLE
 * @param tableArn the source table's ARN
 * @param table the source table's metadata as of the backup, with the source's keyspace, which the copy reads
 * @param expiryDateTime when the database deletes the backup by itself: only SYSTEM backups expire
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
    TableMetadata table,
    Optional<Instant> expiryDateTime) {

  /**
   * How long DynamoDB keeps the SYSTEM backup of a table deleted with point-in-time recovery on, whatever its
   * recovery period (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html,
   * "Delete a table with PITR enabled").
   */
  public static final Duration SYSTEM_BACKUP_RETENTION = Duration.ofDays(35);

  /** An on-demand backup of {@code table} as CreateBackup records it, before its copy. */
  public static Backup user(String arn, String name, Instant created, int keyspace, String tableArn,
      TableMetadata table) {
    return new Backup(arn, name, BackupStatus.CREATING, BackupType.USER, created, 0, 0, keyspace, tableArn, table,
        Optional.empty());
  }

  /**
   * The SYSTEM backup DynamoDB keeps of a table deleted with point-in-time recovery on: named after the table with
   * {@code $DeletedTableBackup}, AVAILABLE at once, expiring after {@link #SYSTEM_BACKUP_RETENTION}. Its items are the
   * deleted table's own keyspace, which nothing writes once the table is gone, so nothing is copied.
   */
  public static Backup ofDeletedTable(String arn, Instant deleted, long size, long count, String tableArn,
      TableMetadata table) {
    return new Backup(arn, table.name() + "$DeletedTableBackup", BackupStatus.AVAILABLE, BackupType.SYSTEM, deleted,
        size, count, table.keyspace(), tableArn, table, Optional.of(deleted.plus(SYSTEM_BACKUP_RETENTION)));
  }

  public Backup available(long size, long count) {
    return new Backup(arn, name, BackupStatus.AVAILABLE, type, creationDateTime, size, count, keyspace, tableArn,
        table, expiryDateTime);
  }

  /** The backup as of a new snapshot taken at {@code instant}, after a restart lost the first one. */
  public Backup recopied(Instant instant) {
    return new Backup(arn, name, status, type, instant, sizeBytes, itemCount, keyspace, tableArn, table,
        expiryDateTime);
  }

  public Backup deleted() {
    return new Backup(arn, name, BackupStatus.DELETED, type, creationDateTime, sizeBytes, itemCount, keyspace,
        tableArn, table, expiryDateTime);
  }

  /** Whether the backup has expired at {@code now}. */
  public boolean expired(Instant now) {
    return expiryDateTime.filter(expiry -> !expiry.isAfter(now)).isPresent();
  }
}
