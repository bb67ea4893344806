package io.shaledb.core.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TombstoneReclamationTest {
  @Test
  void defaults_areTenMinutesOfHorizonAndAMinuteOfRest() {
    assertThat(TombstoneReclamation.DEFAULTS)
        .isEqualTo(new TombstoneReclamation(Duration.ofMinutes(10), Duration.ofMinutes(1)));
  }

  @Test
  void new_horizonNotPositive_isRefused() {
    assertThatThrownBy(() -> new TombstoneReclamation(Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the tombstone horizon must be positive, not PT0S");
  }

  @Test
  void new_restNegative_isRefused() {
    assertThatThrownBy(() -> new TombstoneReclamation(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the rest between tombstone sweeps must not be negative, not PT-1S");
  }
}
