package io.shaledb.core.capacity;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DynamoDB's limit on switching a table from provisioned capacity to on-demand: up to four times in a rolling
 * 24-hour window ("Considerations when switching capacity modes in DynamoDB"); switching back to provisioned is never
 * limited. The times of the switches within the last day are kept in the system keyspace under the table's keyspace
 * ({@code 'F'}), changed in the UpdateTable's catalog transaction and removed with the table; a table that switched
 * before they were kept has only its LastUpdateToPayPerRequestDateTime, which counts as one switch.
 *
 * <p>The message follows the words the service used for its former once-a-day rule, as an Amplify user recorded them
 * (aws-amplify/amplify-cli#1054), its times in {@code java.util.Date}'s form, with the count the current rule allows;
 * the service's words for that rule are not recorded anywhere found.
 */
public final class BillingModeSwitches {
  static final Duration WINDOW = Duration.ofDays(1);
  static final int PER_WINDOW = 4;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
      Locale.US).withZone(ZoneOffset.UTC);

  private BillingModeSwitches() {}

  /**
   * Records a switch to on-demand of the table of {@code keyspace} at {@code now}, refusing it when the table already
   * switched four times in the last 24 hours.
   *
   * @param lastSwitch the table's LastUpdateToPayPerRequestDateTime
   * @throws DynamoException LimitExceededException
   */
  public static void switchNow(Transaction tx, int keyspace, Optional<Instant> lastSwitch, Instant now) {
    byte[] key = SystemKeyspace.billingModeSwitches(keyspace);
    byte[] stored = tx.get(key);
    List<Instant> recent = within(stored == null ? lastSwitch.stream().toList() : decode(stored), now);
    check(recent, now);
    recent.add(now);
    tx.put(key, encode(recent));
  }

  /**
   * Refuses a fifth switch within 24 hours.
   *
   * @param recent the switches of the last 24 hours, oldest first
   */
  static void check(List<Instant> recent, Instant now) {
    if (recent.size() < PER_WINDOW) {
      return;
    }
    Instant next = recent.get(recent.size() - PER_WINDOW).plus(WINDOW);
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Update to PayPerRequest mode"
        + " are limited to " + PER_WINDOW + " times in 1 day(s). Last update at "
        + WHEN.format(recent.getLast()) + ". Next update can be made at " + WHEN.format(next));
  }

  /** The switches later than 24 hours before {@code now}, oldest first. */
  static List<Instant> within(List<Instant> switches, Instant now) {
    List<Instant> recent = new ArrayList<>();
    for (Instant at : switches) {
      if (at.plus(WINDOW).isAfter(now)) {
        recent.add(at);
      }
    }
    return recent;
  }

  private static byte[] encode(List<Instant> switches) {
    ByteBuffer out = ByteBuffer.allocate(switches.size() * Long.BYTES);
    switches.forEach(at -> out.putLong(at.toEpochMilli()));
    return out.array();
  }

  private static List<Instant> decode(byte[] stored) {
    ByteBuffer in = ByteBuffer.wrap(stored);
    List<Instant> switches = new ArrayList<>();
    while (in.remaining() >= Long.BYTES) {
      switches.add(Instant.ofEpochMilli(in.getLong()));
    }
    return switches;
  }
}
