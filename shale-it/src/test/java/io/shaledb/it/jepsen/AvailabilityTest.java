package io.shaledb.it.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {
  private static Timed<String> op(Outcome outcome, long invoked, long completed) {
    return new Timed<>(0, "op", outcome, invoked, completed);
  }

  @Test
  void longestGap_isBetweenAcknowledgements_notFailures() {
    List<Timed<String>> history = List.of(op(Outcome.OK, 0, 10), op(Outcome.FAILED, 12, 40), op(Outcome.UNKNOWN, 20,
        0), op(Outcome.OK, 41, 50), op(Outcome.OK, 50, 60));

    assertThat(Availability.longestGap(history, 0, 65)).isEqualTo(new Availability.Gap(10, 50));
  }

  @Test
  void longestGap_countsTheStretchesBeforeTheFirstAndAfterTheLast() {
    assertThat(Availability.longestGap(List.of(op(Outcome.OK, 0, 30), op(Outcome.OK, 30, 35)), 0, 40))
        .isEqualTo(new Availability.Gap(0, 30));
    assertThat(Availability.longestGap(List.of(op(Outcome.OK, 0, 5)), 0, 40))
        .isEqualTo(new Availability.Gap(5, 40));
  }

  @Test
  void longestGap_withoutAcknowledgements_isTheWholeRun() {
    assertThat(Availability.longestGap(List.of(op(Outcome.REFUSED, 0, 5)), 0, 40))
        .isEqualTo(new Availability.Gap(0, 40));
  }
}
