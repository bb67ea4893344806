package io.shaledb.it.jepsen;

import static io.shaledb.it.jepsen.LinearizableRegisterTest.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.it.jepsen.CounterOp.Add;
import io.shaledb.it.jepsen.CounterOp.Read;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CounterCheckerTest {
  @Test
  void check_readsWithinBoundsAndFinalHoldingEveryIncrement_noAnomaly() {
    List<String> anomalies = CounterChecker.check(List.of(
        op(0, new Add(1), Outcome.OK, 0, 1),
        op(1, new Add(2), Outcome.OK, 2, 10),
        op(2, new Read(1), Outcome.OK, 3, 4),
        op(2, new Read(3), Outcome.OK, 5, 6),
        op(0, new Add(4), Outcome.UNKNOWN, 11, 12),
        op(0, new Add(8), Outcome.FAILED, 13, 14),
        op(2, new Read(7), Outcome.OK, 20, 21)), OptionalLong.of(7), 0);

    assertThat(anomalies).isEmpty();
  }

  @Test
  void check_finalWithoutAnUnknownIncrement_noAnomaly() {
    assertThat(CounterChecker.check(List.of(
        op(0, new Add(1), Outcome.OK, 0, 1),
        op(0, new Add(4), Outcome.UNKNOWN, 2, 3)), OptionalLong.of(1), 0)).isEmpty();
  }

  @Test
  void check_readMissingAnAcknowledgedIncrement_reportsStaleRead() {
    List<String> anomalies = CounterChecker.check(List.of(
        op(0, new Add(1), Outcome.OK, 0, 1),
        op(1, new Read(0), Outcome.OK, 2, 3)), OptionalLong.of(1), 0);

    assertThat(anomalies).containsExactly("read outside [1, 1]: p1 read(0) ok [0.000 s .. 0.000 s]");
  }

  @Test
  void check_readGoingBackwards_reportsIt() {
    List<String> anomalies = CounterChecker.check(List.of(
        op(0, new Add(1), Outcome.OK, 0, 10),
        op(1, new Read(1), Outcome.OK, 2, 3),
        op(2, new Read(0), Outcome.OK, 4, 5)), OptionalLong.of(1), 0);

    assertThat(anomalies).containsExactly("read went backwards: p2 read(0) ok [0.000 s .. 0.000 s] after p1 read(1)"
        + " ok [0.000 s .. 0.000 s]");
  }

  @Test
  void check_finalBelowAcknowledged_reportsLostIncrements() {
    List<String> anomalies = CounterChecker.check(List.of(
        op(0, new Add(1), Outcome.OK, 0, 1),
        op(0, new Add(2), Outcome.OK, 2, 3)), OptionalLong.of(1), 0);

    assertThat(anomalies).containsExactly("lost acknowledged increments: final value 1, acknowledged 3");
  }

  @Test
  void check_finalAboveAttempted_reportsIt() {
    List<String> anomalies = CounterChecker.check(List.of(op(0, new Add(1), Outcome.OK, 0, 1)), OptionalLong.of(2), 0);

    assertThat(anomalies).containsExactly("final value 2 above every increment attempted, 1");
  }

  @Test
  void check_finalValueNotRead_checksTheReadsAlone() {
    List<String> anomalies = CounterChecker.check(List.of(
        op(0, new Add(1), Outcome.OK, 0, 1),
        op(0, new Add(2), Outcome.OK, 2, 3),
        op(1, new Read(1), Outcome.OK, 4, 5)), OptionalLong.empty(), 0);

    assertThat(anomalies).containsExactly("read outside [3, 3]: p1 read(1) ok [0.000 s .. 0.000 s]");
  }
}
