package io.shaledb.core.capacity;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * DynamoDB's limit on switching a table from provisioned capacity to on-demand: once in a day, counted from the last
 * switch (the table's LastUpdateToPayPerRequestDateTime, in the catalog, so it survives a restart). The message is
 * the service's as an Amplify user recorded it (aws-amplify/amplify-cli#1054), its times in {@code java.util.Date}'s
 * form. The developer guide now allows four switches in a rolling 24 hours ("Considerations when switching capacity
 * modes"); counting them needs each switch's time, which the catalog does not keep, and the words the service uses for
 * that rule are not recorded anywhere found. Switching back to provisioned is never limited.
 */
public final class BillingModeSwitches {
  static final Duration SPACING = Duration.ofDays(1);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
      Locale.US).withZone(ZoneOffset.UTC);

  private BillingModeSwitches() {}

  /**
   * Refuses a switch to on-demand within a day of the last one.
   *
   * @throws DynamoException LimitExceededException in DynamoDB's words
   */
  public static void check(Optional<Instant> lastSwitch, Instant now) {
    if (lastSwitch.isEmpty()) {
      return;
    }
    Instant next = lastSwitch.get().plus(SPACING);
    if (now.isBefore(next)) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Update to PayPerRequest mode"
          + " are limited to once in 1 day(s). Last update at " + WHEN.format(lastSwitch.get())
          + ". Next update can be made at " + WHEN.format(next));
    }
  }
}
