package io.shaledb.core.schema;

/**
 * One other region holding a replica of a global table, as this region sees it.
 *
 * @param region the peer region's name, as the peers file lists it
 * @param overrides the settings that replica keeps of its own
 */
public record Replica(String region, ReplicaStatus status, ReplicaOverrides overrides) {

  /** A replica without overrides. */
  public Replica(String region, ReplicaStatus status) {
    this(region, status, ReplicaOverrides.NONE);
  }

  /** Persisted by ordinal: never reorder. */
  public enum ReplicaStatus {
    CREATING,
    ACTIVE,
    DELETING,
    /** A change of the settings replicas share, or of this replica's overrides, is on its way to it. */
    UPDATING
  }

  public Replica withStatus(ReplicaStatus newStatus) {
    return new Replica(region, newStatus, overrides);
  }

  public Replica withOverrides(ReplicaOverrides newOverrides) {
    return new Replica(region, status, newOverrides);
  }
}
