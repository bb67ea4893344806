package io.shaledb.core.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one replica of a global table (version 2019.11.21) keeps of its own instead of the ones every replica
 * shares, as ReplicaUpdates' Create and Update set them (API reference, CreateReplicationGroupMemberAction and
 * UpdateReplicationGroupMemberAction): each absent one follows the table's.
 *
 * @param readCapacityUnits ProvisionedThroughputOverride's ReadCapacityUnits
 * @param maxReadRequestUnits OnDemandThroughputOverride's MaxReadRequestUnits
 * @param indexes the same two for global indexes, by index name
 * @param tableClass TableClassOverride
 * @param kmsMasterKeyId the replica's KMS key, recorded and described (ShaleDB encrypts at rest with its own key)
 */
public record ReplicaOverrides(Optional<Long> readCapacityUnits, Optional<Long> maxReadRequestUnits,
    Map<String, IndexOverride> indexes, Optional<TableClass> tableClass, Optional<String> kmsMasterKeyId) {

  public static final ReplicaOverrides NONE = new ReplicaOverrides(Optional.empty(), Optional.empty(), Map.of(),
      Optional.empty(), Optional.empty());

  public ReplicaOverrides {
    indexes = Map.copyOf(indexes);
  }

  /** A global index's read settings of one replica (ReplicaGlobalSecondaryIndex). */
  public record IndexOverride(Optional<Long> readCapacityUnits, Optional<Long> maxReadRequestUnits) {
    public static final IndexOverride NONE = new IndexOverride(Optional.empty(), Optional.empty());

    IndexOverride updatedWith(IndexOverride update) {
      return new IndexOverride(update.readCapacityUnits.or(() -> readCapacityUnits),
          update.maxReadRequestUnits.or(() -> maxReadRequestUnits));
    }
  }

  /** These overrides with each one {@code update} sets replacing this one's, as an Update action applies it. */
  public ReplicaOverrides updatedWith(ReplicaOverrides update) {
    Map<String, IndexOverride> merged = new HashMap<>(indexes);
    update.indexes.forEach((name, index) -> merged.merge(name, index, IndexOverride::updatedWith));
    return new ReplicaOverrides(update.readCapacityUnits.or(() -> readCapacityUnits),
        update.maxReadRequestUnits.or(() -> maxReadRequestUnits), merged, update.tableClass.or(() -> tableClass),
        update.kmsMasterKeyId.or(() -> kmsMasterKeyId));
  }
}
