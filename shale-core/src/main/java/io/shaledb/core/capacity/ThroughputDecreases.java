package io.shaledb.core.capacity;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.ProvisionedThroughput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * DynamoDB's limit on decreasing a table's provisioned throughput: four decreases in a UTC day, then one an hour
 * after the last accepted decrease ("Service, account, and table quotas", Provisioned capacity decreases per day;
 * the wording and the hour counted from the last decrease as the ack-api-quirks lab recorded the service in October
 * 2026, DDB-TABLE-326). The counts live in the table's ProvisionedThroughput, in the catalog, so they survive a
 * restart; refused decreases change nothing.
 */
public final class ThroughputDecreases {
  static final int FREE_DECREASES = 4;
  static final Duration SPACING = Duration.ofHours(1);
  /** The service's format, with an ordinary space before AM and PM (the JDK's CLDR data puts a narrow one). */
  private static final DateTimeFormatter WHEN = DateTimeFormatter
      .ofPattern("EEEE, MMMM d, yyyy 'at' h:mm:ss a 'Coordinated Universal Time'", Locale.US)
      .withZone(ZoneOffset.UTC);

  private ThroughputDecreases() {}

  /** The decreases made so far on the UTC day of {@code now}: the count resets at midnight UTC. */
  public static int today(ProvisionedThroughput current, Instant now) {
    return current.lastDecreaseDateTime().filter(last -> day(last).equals(day(now))).isPresent()
        ? current.numberOfDecreasesToday() : 0;
  }

  /**
   * Refuses a decrease that the day's limit does not allow now.
   *
   * @throws DynamoException LimitExceededException in DynamoDB's words
   */
  public static void check(ProvisionedThroughput current, Instant now) {
    if (allows(current, now)) {
      return;
    }
    int today = today(current, now);
    Instant last = current.lastDecreaseDateTime().orElseThrow();
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Provisioned throughput"
        + " decreases are limited within a given UTC day. After the first " + FREE_DECREASES + " decreases, each"
        + " subsequent decrease in the same UTC day can be performed at most once every " + SPACING.toSeconds()
        + " seconds. Number of decreases today: " + today + ". Last decrease at " + WHEN.format(last)
        + ". Next decrease can be made at " + WHEN.format(next(last, now)));
  }

  /** Whether the day's limit allows a decrease now. */
  public static boolean allows(ProvisionedThroughput current, Instant now) {
    if (today(current, now) < FREE_DECREASES) {
      return true;
    }
    return !now.isBefore(next(current.lastDecreaseDateTime().orElseThrow(), now));
  }

  /** When the next decrease may be made, after the day's free ones: an hour after the last, or at midnight. */
  private static Instant next(Instant last, Instant now) {
    Instant midnight = day(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return last.plus(SPACING).isBefore(midnight) ? last.plus(SPACING) : midnight;
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
