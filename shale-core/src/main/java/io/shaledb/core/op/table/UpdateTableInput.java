package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** UpdateTable's request, as decoded: any field may be null; see {@link CreateTableInput} on unsupported ones. */
public record UpdateTableInput(
    @Nullable String tableName,
    @Nullable Choice<BillingMode> billingMode,
    @Nullable Throughput provisionedThroughput,
    @Nullable Boolean deletionProtectionEnabled,
    @Nullable List<AttributeDefinition> attributeDefinitions,
    @Nullable List<GlobalIndexUpdate> globalSecondaryIndexUpdates,
    @Nullable StreamSpecification streamSpecification,
    @Nullable List<String> unsupportedFeatures) {

  /** One GlobalSecondaryIndexUpdates entry: each action is null when absent; DynamoDB accepts exactly one. */
  public record GlobalIndexUpdate(@Nullable SecondaryIndex create, @Nullable DeleteIndex delete, @Nullable UpdateIndex update) {}

  /** A Delete action: the index to delete. */
  public record DeleteIndex(@Nullable String indexName) {}

  /** An Update action: an index's new provisioned throughput. */
  public record UpdateIndex(@Nullable String indexName, @Nullable Throughput provisionedThroughput) {}
}
