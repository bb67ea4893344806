package io.shaledb.core.op.table;

import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import java.time.Instant;
import java.util.Optional;

/**
 * A table's ContinuousBackupsDescription: continuous backups are ENABLED for every table (on-demand backups can be
 * taken of any, as DynamoDB reports), and point-in-time recovery while the table keeps its history, with the window a
 * restore can reach.
 *
 * @param recovery the restorable window, while point-in-time recovery is enabled
 */
public record ContinuousBackupsOutput(Optional<RecoveryWindow> recovery) {

  /**
   * What PointInTimeRecoveryDescription holds while recovery is enabled. The latest restorable instant is now:
   * history is written with each change, so there is no lag to allow for.
   */
  public record RecoveryWindow(Instant earliestRestorable, Instant latestRestorable, int recoveryPeriodDays) {}

  public static ContinuousBackupsOutput of(TableMetadata table, Instant now) {
    return new ContinuousBackupsOutput(table.options().pointInTimeRecovery().map(recovery -> window(recovery, now)));
  }

  static RecoveryWindow window(PointInTimeRecovery recovery, Instant now) {
    return new RecoveryWindow(recovery.earliestRestorable(now), now, recovery.recoveryPeriodDays());
  }
}
