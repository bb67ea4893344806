package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import java.util.List;

/** UpdateTable's request, as decoded: any field may be null; see {@link CreateTableInput} on unsupported ones. */
public record UpdateTableInput(
    String tableName,
    Choice<BillingMode> billingMode,
    Throughput provisionedThroughput,
    Boolean deletionProtectionEnabled,
    List<AttributeDefinition> attributeDefinitions,
    List<GlobalIndexUpdate> globalSecondaryIndexUpdates,
    StreamSpecification streamSpecification,
    List<String> unsupportedFeatures) {

  /** One GlobalSecondaryIndexUpdates entry: each action is null when absent; DynamoDB accepts exactly one. */
  public record GlobalIndexUpdate(SecondaryIndex create, DeleteIndex delete, UpdateIndex update) {}

  /** A Delete action: the index to delete. */
  public record DeleteIndex(String indexName) {}

  /** An Update action: an index's new provisioned throughput. */
  public record UpdateIndex(String indexName, Throughput provisionedThroughput) {}
}
