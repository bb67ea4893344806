package io.shaledb.it.jepsen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a bank's history: transfers move money between accounts inside transactions, so every snapshot a
 * TransactGetItems returns holds every account, none below zero, all adding up to the total the bank started with; a
 * snapshot that does not saw part of a transfer (or a transfer that was lost or applied twice).
 */
public final class BankChecker {
  private BankChecker() {}

  /**
   * The anomalies in the acknowledged reads of {@code history}, and in {@code finalBalances} read after healing (empty
   * when that read was not answered).
   */
  public static List<String> check(List<Timed<BankOp>> history, Set<String> accounts, long total,
      Optional<Map<String, Long>> finalBalances, long origin) {
    List<String> anomalies = new ArrayList<>();
    for (Timed<BankOp> op : history) {
      if (op.outcome() == Outcome.OK && op.operation() instanceof BankOp.Read read) {
        wrong(read.balances(), accounts, total).ifPresent(what -> anomalies.add(what + ": " + op.describe(origin)));
      }
    }
    finalBalances.ifPresent(balances -> wrong(balances, accounts, total).ifPresent(what -> anomalies.add(what
        + " in the final balances " + new TreeMap<>(balances))));
    return anomalies;
  }

  private static Optional<String> wrong(Map<String, Long> balances, Set<String> accounts, long total) {
    if (!balances.keySet().equals(accounts)) {
      return Optional.of("accounts " + new TreeSet<>(balances.keySet()) + " instead of " + new TreeSet<>(accounts));
    }
    if (balances.values().stream().anyMatch(balance -> balance < 0)) {
      return Optional.of("a negative balance");
    }
    long sum = balances.values().stream().mapToLong(Long::longValue).sum();
    return sum == total ? Optional.empty() : Optional.of("sum " + sum + " instead of " + total);
  }
}
