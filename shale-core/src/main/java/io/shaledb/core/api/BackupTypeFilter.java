package io.shaledb.core.api;

/** ListBackups' BackupType: one kind of backup, or ALL of them. */
public enum BackupTypeFilter {
  USER,
  SYSTEM,
  AWS_BACKUP,
  ALL
}
