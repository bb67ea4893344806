package io.shaledb.server.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests of time-dependent behaviour (time to live, stream retention and shard rollover): it runs with the
 * system clock from an offset that tests move forward. It only moves forward, as a server's clock is trusted to: a
 * clock set back would give stream records and table timestamps out of order.
 *
 * <p>A server reads it through {@code ServerConfig.clock}; {@code shaledb serve --settable-clock} gives a server one
 * and lets tests on the same machine move it over HTTP (see {@code io.shaledb.server.http.ClockControl}).
 */
public final class SettableClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  private SettableClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** A clock that starts at the system's time. */
  public static SettableClock startingNow() {
    return new SettableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /**
   * Moves the clock to {@code target}.
   *
   * @throws IllegalArgumentException when {@code target} is before the clock's time
   */
  public Instant set(Instant target) {
    Duration moved = offset.updateAndGet(current -> {
      Instant now = base.instant();
      if (target.isBefore(now.plus(current))) {
        throw new IllegalArgumentException("the clock is at " + now.plus(current)
            + " and only moves forward, not to " + target);
      }
      return Duration.between(now, target);
    });
    return base.instant().plus(moved);
  }

  /**
   * Moves the clock forward by {@code amount}.
   *
   * @throws IllegalArgumentException when {@code amount} is negative
   */
  public Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, not by " + amount);
    }
    return base.instant().plus(offset.accumulateAndGet(amount, Duration::plus));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same clock (time zones do not matter to the server, which works in UTC). */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
