package io.shaledb.core.backup;

/** A backup's state as DynamoDB reports it. Persisted by ordinal: never reorder. */
public enum BackupStatus {
  CREATING,
  DELETED,
  AVAILABLE
}
