package io.shaledb.core.schema;

import java.time.Duration;
import java.time.Instant;

/**
 * A table's point-in-time recovery while it is enabled: where the history of its items is kept, since when, and for
 * how long.
 *
 * @param historyKeyspace the storage keyspace of the items' before-images; allocated when recovery is enabled and
 *     never reused, so disabling and enabling again starts an empty history
 * @param enabledAt when recovery was enabled: no earlier state can be restored
 * @param recoveryPeriodDays how many days of history are kept (1 to 35)
 */
public record PointInTimeRecovery(int historyKeyspace, Instant enabledAt, int recoveryPeriodDays) {
  /** DynamoDB's period when UpdateContinuousBackups names none. */
  public static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;

  public Duration recoveryPeriod() {
    return Duration.ofDays(recoveryPeriodDays);
  }

  /**
   * The earliest instant a restore can reach at {@code now}: the later of when recovery was enabled and the start of
   * the recovery period (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html).
   */
  public Instant earliestRestorable(Instant now) {
    Instant periodStart = now.minus(recoveryPeriod());
    return periodStart.isAfter(enabledAt) ? periodStart : enabledAt;
  }
}
