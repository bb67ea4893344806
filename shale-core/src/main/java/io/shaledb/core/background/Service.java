package io.shaledb.core.background;

/** The background services of a database, by which operations wake one that has new work. */
public enum Service {
  TIME_TO_LIVE_SWEEP,
  INDEX_BUILD,
  STREAM_MAINTENANCE,
  KEYSPACE_RECLAIM,
  TOKEN_EXPIRY,
  CATALOG_REFRESH,
  BACKUP_COPY,
  TABLE_RESTORE,
  HISTORY_RECLAIM,
  BACKUP_EXPIRY,
  AUTO_SCALING,
  REPLICATION,
  TOMBSTONE_RECLAIM,
  OPEN_PROPOSAL_SETTLE
}
