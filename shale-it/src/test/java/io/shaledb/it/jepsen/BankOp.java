package io.shaledb.it.jepsen;

import java.util.Map;
import java.util.TreeMap;

/** An operation on a bank of accounts whose balances always add up to the same total. */
public sealed interface BankOp {
  /** TransactWriteItems: take {@code amount} from one account (if it holds that much) and give it to another. */
  record Transfer(String from, String to, long amount) implements BankOp {
    @Override
    public String toString() {
      return "transfer(" + from + "->" + to + ": " + amount + ")";
    }
  }

  /** TransactGetItems of every account: one snapshot of the balances. */
  record Read(Map<String, Long> balances) implements BankOp {
    public Read {
      balances = Map.copyOf(balances);
    }

    @Override
    public String toString() {
      return "read(" + new TreeMap<>(balances) + ")";
    }
  }
}
