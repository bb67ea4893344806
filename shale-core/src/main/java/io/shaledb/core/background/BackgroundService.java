package io.shaledb.core.background;

/** Work a database does by itself, in passes run by the {@link Supervisor}. */
public interface BackgroundService {

  /**
   * Does a bounded amount of work. A pass that throws is logged and retried after a backoff; it must leave the
   * database consistent however far it got (every step is a storage transaction).
   *
   * @return true when more work is waiting, so the next pass should follow at once
   */
  boolean runPass();
}
