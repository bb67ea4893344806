package io.shaledb.it.jepsen;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checks one counter's history. A counter starts at zero and only grows, so a read must see at least every increment
 * acknowledged before it was invoked, at most every increment invoked before it completed (acknowledged or
 * indeterminate), and never less than a read that completed before it began; the final value must hold every
 * acknowledged increment and nothing that was never attempted.
 */
public final class CounterChecker {
  private CounterChecker() {}

  /**
   * The anomalies found in {@code history} whose counter read {@code finalValue} once every fault was healed (empty
   * when that read was not answered: the history's reads are checked alone).
   */
  public static List<String> check(List<Timed<CounterOp>> history, OptionalLong finalValue, long origin) {
    List<Timed<CounterOp>> adds = history.stream().filter(op -> op.operation() instanceof CounterOp.Add
        && (op.outcome() == Outcome.OK || op.outcome() == Outcome.UNKNOWN)).toList();
    List<Timed<CounterOp>> reads = history.stream()
        .filter(op -> op.operation() instanceof CounterOp.Read && op.outcome() == Outcome.OK).toList();
    List<String> anomalies = new ArrayList<>();
    for (Timed<CounterOp> read : reads) {
      long observed = ((CounterOp.Read) read.operation()).observed();
      long lower = sum(adds.stream().filter(add -> add.outcome() == Outcome.OK && add.precedes(read)).toList());
      long upper = sum(adds.stream().filter(add -> !read.precedes(add)).toList());
      if (observed < lower || observed > upper) {
        anomalies.add("read outside [" + lower + ", " + upper + "]: " + read.describe(origin));
      }
    }
    for (Timed<CounterOp> earlier : reads) {
      for (Timed<CounterOp> later : reads) {
        if (earlier.precedes(later) && ((CounterOp.Read) later.operation()).observed()
            < ((CounterOp.Read) earlier.operation()).observed()) {
          anomalies.add("read went backwards: " + later.describe(origin) + " after " + earlier.describe(origin));
        }
      }
    }
    if (finalValue.isEmpty()) {
      return anomalies;
    }
    long last = finalValue.getAsLong();
    long acknowledged = sum(adds.stream().filter(add -> add.outcome() == Outcome.OK).toList());
    long attempted = sum(adds);
    if (last < acknowledged) {
      anomalies.add("lost acknowledged increments: final value " + last + ", acknowledged " + acknowledged);
    }
    if (last > attempted) {
      anomalies.add("final value " + last + " above every increment attempted, " + attempted);
    }
    return anomalies;
  }

  private static long sum(List<Timed<CounterOp>> adds) {
    return adds.stream().mapToLong(add -> ((CounterOp.Add) add.operation()).delta()).sum();
  }
}
