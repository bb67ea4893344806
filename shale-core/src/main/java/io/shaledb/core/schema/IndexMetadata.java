package io.shaledb.core.schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A secondary index of a table.
 *
 * @param keyspace the storage keyspace id of the index's entries; never reused
 * @param local true for a local secondary index (same partition key as the table), false for a global one
 * @param status ACTIVE, or CREATING while a global index added to a table with data is backfilled
 * @param provisionedThroughput a global index's own capacity (zeros on on-demand tables and for local indexes)
 * @param onDemandThroughput a global index's OnDemandThroughput maximums, once set
 */
public record IndexMetadata(
    String name,
    int keyspace,
    boolean local,
    KeySchema keySchema,
    ProjectionType projectionType,
    List<String> nonKeyAttributes,
    IndexStatus status,
    ProvisionedThroughput provisionedThroughput,
    Instant creationDateTime,
    Optional<OnDemandThroughput> onDemandThroughput) {

  public IndexMetadata {
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }

  /** An index whose OnDemandThroughput was never set. */
  public IndexMetadata(String name, int keyspace, boolean local, KeySchema keySchema, ProjectionType projectionType,
      List<String> nonKeyAttributes, IndexStatus status, ProvisionedThroughput provisionedThroughput,
      Instant creationDateTime) {
    this(name, keyspace, local, keySchema, projectionType, nonKeyAttributes, status, provisionedThroughput,
        creationDateTime, Optional.empty());
  }

  public IndexMetadata withStatus(IndexStatus newStatus) {
    return new IndexMetadata(name, keyspace, local, keySchema, projectionType, nonKeyAttributes, newStatus,
        provisionedThroughput, creationDateTime, onDemandThroughput);
  }

  public IndexMetadata withThroughput(ProvisionedThroughput provisioned, Optional<OnDemandThroughput> onDemand) {
    return new IndexMetadata(name, keyspace, local, keySchema, projectionType, nonKeyAttributes, status, provisioned,
        creationDateTime, onDemand);
  }

  /** Persisted by ordinal: never reorder. */
  public enum ProjectionType {
    ALL,
    KEYS_ONLY,
    INCLUDE;

    /** The order DynamoDB lists the types in its messages. */
    public static final List<ProjectionType> LISTED = List.of(ALL, INCLUDE, KEYS_ONLY);
  }

  /** Persisted by ordinal: never reorder. */
  public enum IndexStatus {
    CREATING,
    UPDATING,
    DELETING,
    ACTIVE
  }
}
