package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.CreateTableInput.WarmThroughputSpecification;
import io.shaledb.core.schema.TableClass;
import java.util.List;

/**
 * UpdateTable's request, as decoded: any field may be null; see {@link CreateTableInput} on unsupported ones.
 * {@code sseSpecificationPresent} says the request asked for encryption with the key the service owns, which every
 * table has already.
 */
public record UpdateTableInput(
    String tableName,
    Choice<BillingMode> billingMode,
    Throughput provisionedThroughput,
    Boolean deletionProtectionEnabled,
    List<AttributeDefinition> attributeDefinitions,
    List<GlobalIndexUpdate> globalSecondaryIndexUpdates,
    StreamSpecification streamSpecification,
    List<String> unsupportedFeatures,
    Choice<TableClass> tableClass,
    OnDemandThroughputSpecification onDemandThroughput,
    WarmThroughputSpecification warmThroughput,
    boolean sseSpecificationPresent) {

  /** A request without the members infrastructure tools add (table class, throughput bounds, encryption). */
  public UpdateTableInput(String tableName, Choice<BillingMode> billingMode, Throughput provisionedThroughput,
      Boolean deletionProtectionEnabled, List<AttributeDefinition> attributeDefinitions,
      List<GlobalIndexUpdate> globalSecondaryIndexUpdates, StreamSpecification streamSpecification,
      List<String> unsupportedFeatures) {
    this(tableName, billingMode, provisionedThroughput, deletionProtectionEnabled, attributeDefinitions,
        globalSecondaryIndexUpdates, streamSpecification, unsupportedFeatures, null, null, null, false);
  }

  /** One GlobalSecondaryIndexUpdates entry: each action is null when absent; DynamoDB accepts exactly one. */
  public record GlobalIndexUpdate(SecondaryIndex create, DeleteIndex delete, UpdateIndex update) {}

  /** A Delete action: the index to delete. */
  public record DeleteIndex(String indexName) {}

  /** An Update action: an index's new provisioned throughput. */
  public record UpdateIndex(String indexName, Throughput provisionedThroughput) {}
}
