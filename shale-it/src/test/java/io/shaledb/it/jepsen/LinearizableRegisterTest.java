package io.shaledb.it.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.it.jepsen.LinearizableRegister.Inconclusive;
import io.shaledb.it.jepsen.LinearizableRegister.Linearizable;
import io.shaledb.it.jepsen.LinearizableRegister.NotLinearizable;
import io.shaledb.it.jepsen.LinearizableRegister.Verdict;
import io.shaledb.it.jepsen.RegisterOp.Cas;
import io.shaledb.it.jepsen.RegisterOp.Read;
import io.shaledb.it.jepsen.RegisterOp.Write;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearizableRegisterTest {
  private static final int ENOUGH = 100_000;

  @Test
  void check_sequentialWritesCasAndReads_linearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Read(null), Outcome.OK, 0, 1),
        op(0, new Cas(null, 1), Outcome.OK, 2, 3),
        op(1, new Write(2), Outcome.OK, 4, 5),
        op(1, new Cas(1, 3), Outcome.REFUSED, 6, 7),
        op(0, new Cas(2, 4), Outcome.OK, 8, 9),
        op(1, new Read(4), Outcome.OK, 10, 11)), ENOUGH);

    assertThat(verdict).isInstanceOf(Linearizable.class);
  }

  @Test
  void check_readsOverlappingAWrite_linearizableWhicheverValueTheySee() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Write(2), Outcome.OK, 2, 10),
        op(2, new Read(2), Outcome.OK, 3, 4),
        op(3, new Read(2), Outcome.OK, 5, 6),
        op(4, new Read(1), Outcome.OK, 3, 11)), ENOUGH);

    assertThat(verdict).isInstanceOf(Linearizable.class);
  }

  @Test
  void check_readAfterNewerValueWasSeen_notLinearizable() {
    List<Timed<RegisterOp>> history = List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Write(2), Outcome.OK, 2, 10),
        op(2, new Read(2), Outcome.OK, 3, 4),
        op(3, new Read(1), Outcome.OK, 5, 6));

    Verdict verdict = LinearizableRegister.check(history, ENOUGH);

    assertThat(verdict).isInstanceOfSatisfying(NotLinearizable.class,
        found -> assertThat(found.blocked()).isIn(history.get(2), history.get(3)));
  }

  @Test
  void check_staleReadAfterAcknowledgedWrite_notLinearizable() {
    List<Timed<RegisterOp>> history = List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(0, new Write(2), Outcome.OK, 2, 3),
        op(1, new Read(1), Outcome.OK, 4, 5));

    Verdict verdict = LinearizableRegister.check(history, ENOUGH);

    assertThat(verdict).isInstanceOfSatisfying(NotLinearizable.class, found -> {
      assertThat(found.blocked()).isEqualTo(history.get(2));
      assertThat(found.valueThen()).isEqualTo(2);
      assertThat(found.describe(0)).startsWith("cannot place p1 read(1) ok [0.000 s .. 0.000 s]; the register then"
          + " held 2 after:");
    });
  }

  @Test
  void check_acknowledgedWriteNeverRead_notLinearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Read(null), Outcome.OK, 2, 3)), ENOUGH);

    assertThat(verdict).isInstanceOf(NotLinearizable.class);
  }

  @Test
  void check_unknownWriteSeenLongAfter_linearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Cas(1, 5), Outcome.UNKNOWN, 2, 3),
        op(2, new Read(1), Outcome.OK, 10, 11),
        op(2, new Read(5), Outcome.OK, 20, 21)), ENOUGH);

    assertThat(verdict).isInstanceOf(Linearizable.class);
  }

  @Test
  void check_unknownWriteNeverSeen_linearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Write(7), Outcome.UNKNOWN, 2, 3),
        op(2, new Read(1), Outcome.OK, 10, 11)), ENOUGH);

    assertThat(verdict).isInstanceOf(Linearizable.class);
  }

  @Test
  void check_unknownWriteSeenBeforeItWasInvoked_notLinearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(2, new Read(7), Outcome.OK, 0, 1),
        op(1, new Write(7), Outcome.UNKNOWN, 2, 3)), ENOUGH);

    assertThat(verdict).isInstanceOf(NotLinearizable.class);
  }

  @Test
  void check_casRefusedWhileRegisterHeldItsExpectedValue_notLinearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Cas(1, 2), Outcome.REFUSED, 2, 3)), ENOUGH);

    assertThat(verdict).isInstanceOf(NotLinearizable.class);
  }

  @Test
  void check_casAcknowledgedFromOverwrittenValue_notLinearizable() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(0, new Write(2), Outcome.OK, 2, 3),
        op(1, new Cas(1, 3), Outcome.OK, 4, 5)), ENOUGH);

    assertThat(verdict).isInstanceOf(NotLinearizable.class);
  }

  @Test
  void check_failedOperations_leftOut() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.FAILED, 0, 1),
        op(1, new Read(9), Outcome.UNKNOWN, 2, 3),
        op(2, new Read(null), Outcome.OK, 4, 5)), ENOUGH);

    assertThat(verdict).isEqualTo(new Linearizable(1, 1));
  }

  @Test
  void check_manyUnknownWritesNeverSeen_linearizableWithinASmallBudget() {
    List<Timed<RegisterOp>> history = new ArrayList<>(List.of(op(0, new Write(1), Outcome.OK, 0, 1)));
    for (int n = 0; n < 30; n++) {
      history.add(op(10 + n, new Cas(1, 100 + n), Outcome.UNKNOWN, 2, 3));
    }
    history.add(op(1, new Cas(1, 2), Outcome.OK, 4, 5));
    history.add(op(2, new Read(2), Outcome.OK, 6, 7));

    assertThat(LinearizableRegister.check(history, 1_000)).isInstanceOf(Linearizable.class);
  }

  @Test
  void check_staleReadBesideUnknownWritesNeverSeen_stillNotLinearizable() {
    List<Timed<RegisterOp>> history = List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(3, new Write(8), Outcome.UNKNOWN, 0, 1),
        op(4, new Write(9), Outcome.UNKNOWN, 0, 1),
        op(0, new Write(2), Outcome.OK, 2, 3),
        op(1, new Read(1), Outcome.OK, 4, 5));

    assertThat(LinearizableRegister.check(history, ENOUGH)).isInstanceOfSatisfying(NotLinearizable.class,
        found -> assertThat(found.blocked()).isEqualTo(history.get(4)));
  }

  @Test
  void check_searchBeyondItsBudget_inconclusive() {
    Verdict verdict = LinearizableRegister.check(List.of(
        op(0, new Write(1), Outcome.OK, 0, 10),
        op(1, new Write(2), Outcome.OK, 0, 10),
        op(2, new Read(2), Outcome.OK, 11, 12)), 1);

    assertThat(verdict).isInstanceOf(Inconclusive.class);
  }

  static <T> Timed<T> op(int process, T operation, Outcome outcome, long invokedAt, long completedAt) {
    return new Timed<>(process, operation, outcome, invokedAt, completedAt);
  }
}
