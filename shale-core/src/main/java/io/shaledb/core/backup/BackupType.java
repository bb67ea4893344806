package io.shaledb.core.backup;

/**
 * Who made a backup: USER for CreateBackup, SYSTEM for those the database keeps itself (a deleted table's, with
 * point-in-time recovery), AWS_BACKUP for AWS Backup's, which ShaleDB never makes. Persisted by ordinal: never
 * reorder.
 */
public enum BackupType {
  USER,
  SYSTEM,
  AWS_BACKUP
}
