package io.shaledb.core.schema;

import java.time.Instant;
import java.util.Optional;

/**
 * A table's time to live.
 *
 * @param attribute the attribute holding expiry times, while time to live is enabled
 * @param lastChanged when it was last enabled or disabled, which DynamoDB allows once an hour
 */
public record TimeToLive(Optional<String> attribute, Optional<Instant> lastChanged) {
  public static final TimeToLive NEVER_ENABLED = new TimeToLive(Optional.empty(), Optional.empty());

  public static TimeToLive enabled(String attribute, Instant when) {
    return new TimeToLive(Optional.of(attribute), Optional.of(when));
  }

  public static TimeToLive disabled(Instant when) {
    return new TimeToLive(Optional.empty(), Optional.of(when));
  }
}
