package io.shaledb.core.storage;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A read a server makes while it starts, made again a few times while the storage cannot answer it yet: a cluster
 * node that has just joined on a starved machine can see its first reads fail (Ignite's SQL planner timing out on a
 * range read, a partition without its primary yet), and a server that did not start would only be started again by
 * its supervisor, at the cost of a new JVM and a new join. Only {@link StorageUnavailableException}, which says that
 * asking again may succeed, is retried; any other failure ends the start at once.
 */
public final class StartupRead {
  /** How many times a start-up read is made before the start gives up. */
  public static final int ATTEMPTS = 5;
  /** The pause between two attempts. */
  public static final Duration PAUSE = Duration.ofMillis(500);
  private static final System.Logger LOG = System.getLogger(StartupRead.class.getName());

  private StartupRead() {}

  /**
   * {@code read}'s answer, asked up to {@link #ATTEMPTS} times {@link #PAUSE} apart while the storage is unavailable;
   * the last attempt's failure is thrown.
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
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + what + " at the start", e);
      }
    }
  }
}
