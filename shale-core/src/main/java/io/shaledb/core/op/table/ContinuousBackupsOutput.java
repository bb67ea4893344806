package io.shaledb.core.op.table;

/**
 * A table's ContinuousBackupsDescription: whether backups can be taken of it and whether point-in-time recovery
 * keeps its history.
 */
public record ContinuousBackupsOutput(boolean continuousBackupsEnabled, boolean pointInTimeRecoveryEnabled) {
  /**
   * What every table has while ShaleDB keeps no history: on-demand backups can be taken (continuous backups ENABLED,
   * as DynamoDB reports for every table), point-in-time recovery is DISABLED.
   */
  public static final ContinuousBackupsOutput ON_DEMAND_ONLY = new ContinuousBackupsOutput(true, false);
}
