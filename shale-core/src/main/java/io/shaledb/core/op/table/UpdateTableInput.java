package io.shaledb.core.op.table;

import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.CreateTableInput.WarmThroughputSpecification;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTable's request, as decoded: any field may be null; see {@link CreateTableInput} on unsupported ones.
 * {@code sseSpecificationPresent} says the request had an SSESpecification: one asking for encryption with the key
 * the service owns, which every table has already, or for KMS encryption, which a server encrypting at rest grants.
 */
public record UpdateTableInput(
    @Nullable String tableName,
    @Nullable Choice<BillingMode> billingMode,
    @Nullable Throughput provisionedThroughput,
    @Nullable Boolean deletionProtectionEnabled,
    @Nullable List<AttributeDefinition> attributeDefinitions,
    @Nullable List<GlobalIndexUpdate> globalSecondaryIndexUpdates,
    @Nullable StreamSpecification streamSpecification,
    @Nullable List<String> unsupportedFeatures,
    @Nullable Choice<TableClass> tableClass,
    @Nullable OnDemandThroughputSpecification onDemandThroughput,
    @Nullable WarmThroughputSpecification warmThroughput,
    boolean sseSpecificationPresent,
    @Nullable List<ReplicaUpdate> replicaUpdates) {

  /** A request without the members infrastructure tools add (table class, throughput bounds, encryption). */
  public UpdateTableInput(String tableName, Choice<BillingMode> billingMode, Throughput provisionedThroughput,
      Boolean deletionProtectionEnabled, List<AttributeDefinition> attributeDefinitions,
      List<GlobalIndexUpdate> globalSecondaryIndexUpdates, StreamSpecification streamSpecification,
      List<String> unsupportedFeatures) {
    this(tableName, billingMode, provisionedThroughput, deletionProtectionEnabled, attributeDefinitions,
        globalSecondaryIndexUpdates, streamSpecification, unsupportedFeatures, null, null, null, false);
  }

  /** One GlobalSecondaryIndexUpdates entry: each action is null when absent; DynamoDB accepts exactly one. */
  public record GlobalIndexUpdate(@Nullable SecondaryIndex create, @Nullable DeleteIndex delete, @Nullable UpdateIndex update) {}

  /** A request without ReplicaUpdates. */
  public UpdateTableInput(@Nullable String tableName, @Nullable Choice<BillingMode> billingMode,
      @Nullable Throughput provisionedThroughput, @Nullable Boolean deletionProtectionEnabled,
      @Nullable List<AttributeDefinition> attributeDefinitions,
      @Nullable List<GlobalIndexUpdate> globalSecondaryIndexUpdates, @Nullable StreamSpecification streamSpecification,
      @Nullable List<String> unsupportedFeatures, @Nullable Choice<TableClass> tableClass,
      @Nullable OnDemandThroughputSpecification onDemandThroughput,
      @Nullable WarmThroughputSpecification warmThroughput, boolean sseSpecificationPresent) {
    this(tableName, billingMode, provisionedThroughput, deletionProtectionEnabled, attributeDefinitions,
        globalSecondaryIndexUpdates, streamSpecification, unsupportedFeatures, tableClass, onDemandThroughput,
        warmThroughput, sseSpecificationPresent, null);
  }

  /**
   * One ReplicaUpdates entry: its action (Create, Update or Delete) and the region it names.
   *
   * @param action null when the entry names none
   */
  public record ReplicaUpdate(@Nullable Action action, @Nullable String regionName) {
    public enum Action {
      CREATE,
      UPDATE,
      DELETE
    }
  }

  /** A Delete action: the index to delete. */
  public record DeleteIndex(@Nullable String indexName) {}

  /** An Update action: an index's new provisioned throughput, or its new OnDemandThroughput maximums. */
  public record UpdateIndex(@Nullable String indexName, @Nullable Throughput provisionedThroughput,
      @Nullable OnDemandThroughputSpecification onDemandThroughput) {
    /** An Update action of provisioned throughput only. */
    public UpdateIndex(@Nullable String indexName, @Nullable Throughput provisionedThroughput) {
      this(indexName, provisionedThroughput, null);
    }
  }
}
