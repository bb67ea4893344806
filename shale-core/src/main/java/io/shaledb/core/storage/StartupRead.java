package io.shaledb.core.storage;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A read a server makes while it starts, made again while the storage cannot answer it yet: a cluster node that has
 * just joined on a starved machine can see its first reads fail (Ignite's SQL planner timing out on a range read, a
 * partition without its primary yet, a strongly consistent read losing lock conflicts while the cluster's leaders move
 * as the node rejoins, for several seconds), and a server that did not start would only be started again by its
 * supervisor, at the cost of a new JVM and a new join, which makes the cluster's leaders move again. So the pauses
 * between attempts double, from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}: a passing refusal costs little, and
 * the {@link #ATTEMPTS} span about 16 s before the start gives up. Only {@link StorageUnavailableException}, which
 * says that asking again may succeed, is retried; any other failure ends the start at once.
 */
public final class StartupRead {
  /** How many times a start-up read is made before the start gives up. */
  public static final int ATTEMPTS = 8;
  /** The pause after the first refusal; each later one is twice the one before, up to {@link #LONGEST_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(4);
  private static final System.Logger LOG = System.getLogger(StartupRead.class.getName());

  private StartupRead() {}

  /** The pause after the {@code attempt}-th refusal (from 1). */
  static Duration pauseAfter(int attempt) {
    long millis = FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 16);
    return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
  }

  /**
   * {@code read}'s answer, asked up to {@link #ATTEMPTS} times while the storage is unavailable; the last attempt's
   * failure is thrown.
   *
   * @param what what is read, for the log ("the users")
   */
  public static <T> T retried(String what, Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (StorageUnavailableException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.log(Level.WARNING, "{0} could not be read yet ({1}); trying again", what, e.getMessage());
      }
      try {
        Thread.sleep(pauseAfter(attempt).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + what + " at the start", e);
      }
    }
  }
}
