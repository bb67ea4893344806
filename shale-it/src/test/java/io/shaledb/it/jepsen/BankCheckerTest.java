package io.shaledb.it.jepsen;

import static io.shaledb.it.jepsen.LinearizableRegisterTest.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.it.jepsen.BankOp.Read;
import io.shaledb.it.jepsen.BankOp.Transfer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BankCheckerTest {
  private static final Set<String> ACCOUNTS = Set.of("a", "b");

  @Test
  void check_snapshotsAddingUp_noAnomaly() {
    List<String> anomalies = BankChecker.check(List.of(
        op(0, new Transfer("a", "b", 5), Outcome.OK, 0, 1),
        op(1, new Read(Map.of("a", 5L, "b", 15L)), Outcome.OK, 2, 3),
        op(0, new Transfer("b", "a", 50), Outcome.REFUSED, 4, 5),
        op(1, new Read(Map.of("a", 1L)), Outcome.UNKNOWN, 6, 7)), ACCOUNTS, 20, Optional.of(Map.of("a", 5L, "b", 15L)), 0);

    assertThat(anomalies).isEmpty();
  }

  @Test
  void check_snapshotWithHalfATransfer_reportsTheSum() {
    List<String> anomalies = BankChecker.check(List.of(
        op(0, new Transfer("a", "b", 5), Outcome.OK, 0, 10),
        op(1, new Read(Map.of("a", 5L, "b", 10L)), Outcome.OK, 2, 3)), ACCOUNTS, 20, Optional.of(Map.of("a", 5L, "b", 15L)), 0);

    assertThat(anomalies).containsExactly("sum 15 instead of 20: p1 read({a=5, b=10}) ok [0.000 s .. 0.000 s]");
  }

  @Test
  void check_negativeBalanceOrMissingAccount_reportsThem() {
    List<String> anomalies = BankChecker.check(List.of(
        op(1, new Read(Map.of("a", -5L, "b", 25L)), Outcome.OK, 2, 3),
        op(1, new Read(Map.of("a", 20L)), Outcome.OK, 4, 5)), ACCOUNTS, 20, Optional.of(Map.of("a", 10L, "b", 10L)), 0);

    assertThat(anomalies).containsExactly("a negative balance: p1 read({a=-5, b=25}) ok [0.000 s .. 0.000 s]",
        "accounts [a] instead of [a, b]: p1 read({a=20}) ok [0.000 s .. 0.000 s]");
  }

  @Test
  void check_finalBalancesOff_reportsThem() {
    assertThat(BankChecker.check(List.of(), ACCOUNTS, 20, Optional.of(Map.of("a", 10L, "b", 5L)), 0))
        .containsExactly("sum 15 instead of 20 in the final balances {a=10, b=5}");
  }

  @Test
  void check_finalBalancesNotRead_checksTheSnapshotsAlone() {
    assertThat(BankChecker.check(List.of(op(1, new Read(Map.of("a", 5L, "b", 10L)), Outcome.OK, 2, 3)), ACCOUNTS, 20,
        Optional.empty(), 0)).containsExactly("sum 15 instead of 20: p1 read({a=5, b=10}) ok [0.000 s .. 0.000 s]");
  }
}
