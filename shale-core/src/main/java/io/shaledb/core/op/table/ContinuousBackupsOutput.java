package io.shaledb.core.op.table;

/**
 * A table's ContinuousBackupsDescription: whether backups can be taken of it and whether point-in-time recovery
 * keeps its history.
 */
public record ContinuousBackupsOutput(boolean continuousBackupsEnabled, boolean pointInTimeRecoveryEnabled) {
  /** What every table has while ShaleDB keeps neither backups nor history. */
  public static final ContinuousBackupsOutput NONE = new ContinuousBackupsOutput(false, false);
}
