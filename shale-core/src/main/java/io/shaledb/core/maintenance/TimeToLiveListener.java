package io.shaledb.core.maintenance;

/**
 * Told how many expired items the time-to-live sweeper deleted from a table, after they are deleted: DynamoDB's
 * TimeToLiveDeletedItemCount. Called on the sweeper's thread.
 */
@FunctionalInterface
public interface TimeToLiveListener {
  /** Hears nothing. */
  TimeToLiveListener NONE = (table, items) -> {};

  void deleted(String table, int items);
}
