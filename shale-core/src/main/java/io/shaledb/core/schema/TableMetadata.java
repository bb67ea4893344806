package io.shaledb.core.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the catalog knows about a table. Immutable: a change produces a new instance through the
 * {@code with...} methods.
 *
 * @param keyspace the storage keyspace id that prefixes every key of this table's items; never reused
 * @param tableId the UUID DynamoDB reports as TableId
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
    boolean deletionProtectionEnabled) {

  public TableMetadata {
    attributeDefinitions = List.copyOf(attributeDefinitions);
    tags = Map.copyOf(tags);
  }

  public TableMetadata withTags(Map<String, String> newTags) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, newTags, deletionProtectionEnabled);
  }

  public TableMetadata withCapacity(
      BillingMode mode, ProvisionedThroughput throughput, Optional<Instant> payPerRequestSince) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, mode, throughput, payPerRequestSince,
        creationDateTime, tags, deletionProtectionEnabled);
  }

  public TableMetadata withDeletionProtection(boolean enabled) {
    return new TableMetadata(
        name, keyspace, tableId, keySchema, attributeDefinitions, billingMode, provisionedThroughput,
        lastUpdateToPayPerRequest, creationDateTime, tags, enabled);
  }
}
