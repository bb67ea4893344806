package io.shaledb.core.replication;

/**
 * Told of each change a replica in another region acknowledged, with how long after it was made: what DynamoDB
 * reports as ReplicationLatency per table and receiving region; and of the tombstones reclaimed. Called on the
 * background services' threads, so it must be quick and must not throw; core has no metrics library, the server's
 * metrics implement this.
 */
@FunctionalInterface
public interface ReplicationListener {
  ReplicationListener NONE = (table, receivingRegion, latencyMillis) -> {};

  /**
   * @param latencyMillis from the change's stamp (when it was made here) to the replica's acknowledgement
   */
  void delivered(String table, String receivingRegion, long latencyMillis);

  /** {@code count} tombstones of {@code table} were deleted ({@link TombstoneReclamation}). */
  default void tombstonesReclaimed(String table, int count) {}
}
