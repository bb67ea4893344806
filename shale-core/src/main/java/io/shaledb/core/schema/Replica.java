package io.shaledb.core.schema;

/**
 * One other region holding a replica of a global table, as this region sees it.
 *
 * @param region the peer region's name, as the peers file lists it
 */
public record Replica(String region, ReplicaStatus status) {

  /** Persisted by ordinal: never reorder. */
  public enum ReplicaStatus {
    CREATING,
    ACTIVE,
    DELETING
  }

  public Replica withStatus(ReplicaStatus newStatus) {
    return new Replica(region, newStatus);
  }
}
