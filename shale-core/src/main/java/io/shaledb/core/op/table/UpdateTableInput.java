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

  /** One GlobalSecondaryIndexUpdates entry: exactly one of create, delete (an index name) or update is set. */
  public record GlobalIndexUpdate(SecondaryIndex create, String delete, String updateIndexName,
      Throughput updateThroughput) {}
}
