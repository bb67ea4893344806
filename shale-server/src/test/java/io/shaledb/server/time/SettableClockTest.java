package io.shaledb.server.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettableClockTest {
  private final SettableClock clock = SettableClock.startingNow();

  @Test
  void advance_byAnHour_isAtLeastAnHourAhead() {
    Instant before = clock.instant();

    Instant moved = clock.advance(Duration.ofHours(1));

    assertThat(moved).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
    assertThat(clock.instant()).isAfterOrEqualTo(moved);
  }

  @Test
  void set_aLaterInstant_readsFromThere() {
    Instant target = Instant.now().plus(Duration.ofDays(3));

    Instant moved = clock.set(target);

    assertThat(moved).isAfterOrEqualTo(target);
    assertThat(clock.instant()).isBetween(target, target.plus(Duration.ofMinutes(1)));
  }

  @Test
  void set_anEarlierInstant_isRefusedAndTheClockStays() {
    Instant ahead = clock.advance(Duration.ofDays(1));

    assertThatThrownBy(() -> clock.set(ahead.minus(Duration.ofHours(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only moves forward");
    assertThat(clock.instant()).isAfterOrEqualTo(ahead);
  }

  @Test
  void advance_negative_isRefused() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the clock only moves forward, not by PT-1S");
  }
}
