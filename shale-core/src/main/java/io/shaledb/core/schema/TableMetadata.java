package io.shaledb.core.schema;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the catalog knows about a table. Immutable: a change produces a new instance through the
 * {@code with...} methods.
 *
 * @param keyspace the storage keyspace id that prefixes every key of this table's items; never reused
 * @param tableId the UUID DynamoDB reports as TableId
 * @param stream the enabled stream, or null
 * @param options the settings infrastructure tools set and read back ({@link TableOptions} says which affect serving)
 */
public record TableMetadata(
    String name,
    int keyspace,
    String tableId,
    KeySchema keySchema,
    List<KeyAttribute> attributeDefinitions,
    BillingMode billingMode,
    ProvisionedThroughput provisionedThroughput,
    Optional<Instant> lastUpdateToPayPerRequest,
    Instant creationDateTime,
    Map<String, String> tags,
    boolean deletionProtectionEnabled,
    List<IndexMetadata> indexes,
    @Nullable StreamSettings stream,
    TimeToLive timeToLive,
    TableOptions options) {

  public TableMetadata {
    attributeDefinitions = List.copyOf(attributeDefinitions);
    tags = Map.copyOf(tags);
    indexes = List.copyOf(indexes);
  }

  /** The attribute holding expiry times while time to live is enabled, or null. */
  public @Nullable String timeToLiveAttribute() {
    return timeToLive.attribute().orElse(null);
  }

  /** Whether the table has local secondary indexes, and so item collections to keep. */
  public boolean hasLocalIndexes() {
    for (IndexMetadata index : indexes) {
      if (index.local()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the table is being restored: CREATING, and closed to item requests until its items are all in. */
  public boolean restoring() {
    return options.restore().filter(RestoreSummary::inProgress).isPresent();
  }

  /**
   * Whether the table is CREATING and closed to item requests: being restored, or a replica another region is still
   * filling.
   */
  public boolean creating() {
    return restoring() || options.replication().map(Replication::fillingFrom).isPresent();
  }

  /** The index of that name, or null. */
  public @Nullable IndexMetadata index(String indexName) {
    for (IndexMetadata index : indexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    return null;
  }

  public TableMetadata withAttributeDefinitions(List<KeyAttribute> definitions) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, definitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, deletionProtectionEnabled, indexes, stream, timeToLive,
        options);
  }

  public TableMetadata withStream(@Nullable StreamSettings newStream) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, deletionProtectionEnabled, indexes, newStream,
        timeToLive, options);
  }

  public TableMetadata withTimeToLive(TimeToLive newTimeToLive) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, deletionProtectionEnabled, indexes, stream, newTimeToLive,
        options);
  }

  /** The table with these indexes; contributor insights of an index that is gone go with it. */
  public TableMetadata withIndexes(List<IndexMetadata> newIndexes) {
    Map<String, ContributorInsights> insights = new HashMap<>(options.indexInsights());
    insights.keySet().removeIf(index -> newIndexes.stream().noneMatch(i -> i.name().equals(index)));
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, deletionProtectionEnabled, newIndexes, stream, timeToLive,
        options.withInsights(options.tableInsights(), insights));
  }

  public TableMetadata withTags(Map<String, String> newTags) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, newTags, deletionProtectionEnabled, indexes, stream,
        timeToLive, options);
  }

  public TableMetadata withCapacity(
      BillingMode mode, ProvisionedThroughput throughput, Optional<Instant> payPerRequestSince) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, mode, throughput, payPerRequestSince,
        creationDateTime, tags, deletionProtectionEnabled, indexes, stream, timeToLive, options);
  }

  public TableMetadata withDeletionProtection(boolean enabled) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, enabled, indexes, stream, timeToLive, options);
  }

  public TableMetadata withOptions(TableOptions newOptions) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, deletionProtectionEnabled, indexes, stream, timeToLive,
        newOptions);
  }
}
