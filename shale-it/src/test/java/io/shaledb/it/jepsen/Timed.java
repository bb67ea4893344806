package io.shaledb.it.jepsen;

import java.util.Locale;

/**
 * One operation of a history.
 *
 * @param process the client that ran it; a client runs one operation at a time
 * @param operation what it was and, for a read, what it saw
 * @param outcome what the client learnt
 * @param invokedAt {@link System#nanoTime()} before the request was sent
 * @param completedAt {@link System#nanoTime()} when the answer came; {@link Long#MAX_VALUE} for an {@link
 *     Outcome#UNKNOWN} operation, which may still take effect at any later time
 */
public record Timed<T>(int process, T operation, Outcome outcome, long invokedAt, long completedAt) {
  public Timed {
    if (outcome == Outcome.UNKNOWN) {
      completedAt = Long.MAX_VALUE;
    }
    if (completedAt < invokedAt) {
      throw new IllegalArgumentException("completed before it was invoked: " + operation);
    }
  }

  /** Whether this operation completed before {@code other} was invoked, so that it must be ordered first. */
  public boolean precedes(Timed<?> other) {
    return completedAt < other.invokedAt;
  }

  /** The operation as a report line, with its times in seconds from {@code origin}. */
  public String describe(long origin) {
    String end = completedAt == Long.MAX_VALUE ? "?" : seconds(completedAt - origin);
    return String.format(Locale.ROOT, "p%d %s %s [%s .. %s]", process, operation, outcome.jepsenName(),
        seconds(invokedAt - origin), end);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }
}
