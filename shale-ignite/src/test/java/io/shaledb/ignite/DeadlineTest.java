package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void after_anHour_hasNotPassed_andLeavesAtMostTheHour() {
    Deadline deadline = Deadline.after(Duration.ofHours(1));

    assertThat(deadline.passed()).isFalse();
    assertThat(deadline.remainingNanos()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).toNanos());
  }

  @Test
  void after_nothing_hasPassed_andLeavesNothing() {
    Deadline deadline = Deadline.after(Duration.ZERO);

    assertThat(deadline.passed()).isTrue();
    assertThat(deadline.remainingNanos()).isZero();
  }

  @Test
  void aPastMoment_leavesNothing_ratherThanANegativeWait() {
    Deadline deadline = new Deadline(System.nanoTime() - Duration.ofSeconds(5).toNanos());

    assertThat(deadline.passed()).isTrue();
    assertThat(deadline.remainingNanos()).isZero();
  }
}
