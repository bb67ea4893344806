package io.shaledb.it.jepsen;

import java.util.Collection;
import java.util.Locale;

/**
 * When clients went without acknowledgements: the longest stretch of a run in which none of a set of operations
 * completed {@link Outcome#OK}. Over all clients it is the outage a fault caused; over the clients of one node, how
 * long that node was down (from its kill until it served again).
 */
public final class Availability {
  private Availability() {}

  /**
   * The longest stretch within {@code [start, end]} ({@link System#nanoTime()}) with no acknowledgement among {@code
   * operations}; the whole run when none was acknowledged.
   */
  public static Gap longestGap(Collection<? extends Timed<?>> operations, long start, long end) {
    long[] acknowledged = operations.stream().filter(op -> op.outcome() == Outcome.OK)
        .mapToLong(Timed::completedAt).filter(at -> at >= start && at <= end).sorted().toArray();
    Gap longest = new Gap(start, start);
    long previous = start;
    for (long at : acknowledged) {
      if (at - previous > longest.nanos()) {
        longest = new Gap(previous, at);
      }
      previous = at;
    }
    return end - previous > longest.nanos() ? new Gap(previous, end) : longest;
  }

  /** A stretch of time between two {@link System#nanoTime()} readings. */
  public record Gap(long from, long to) {
    public long nanos() {
      return to - from;
    }

    /** The stretch in seconds, its ends in seconds from {@code origin}. */
    public String describe(long origin) {
      return String.format(Locale.ROOT, "%.1f s (%.1f s .. %.1f s)", nanos() / 1e9, (from - origin) / 1e9,
          (to - origin) / 1e9);
    }
  }
}
