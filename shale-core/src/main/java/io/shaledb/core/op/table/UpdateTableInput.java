package io.shaledb.core.op.table;

import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.CreateTableInput.WarmThroughputSpecification;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.ReplicaOverrides.IndexOverride;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.Validated;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    @Nullable List<ReplicaUpdate> replicaUpdates,
    @Nullable Choice<MultiRegionConsistency> multiRegionConsistency,
    @Nullable List<WitnessUpdate> globalTableWitnessUpdates) {

  /** A request without the members of multi-region strong consistency. */
  public UpdateTableInput(@Nullable String tableName, @Nullable Choice<BillingMode> billingMode,
      @Nullable Throughput provisionedThroughput, @Nullable Boolean deletionProtectionEnabled,
      @Nullable List<AttributeDefinition> attributeDefinitions,
      @Nullable List<GlobalIndexUpdate> globalSecondaryIndexUpdates, @Nullable StreamSpecification streamSpecification,
      @Nullable List<String> unsupportedFeatures, @Nullable Choice<TableClass> tableClass,
      @Nullable OnDemandThroughputSpecification onDemandThroughput,
      @Nullable WarmThroughputSpecification warmThroughput, boolean sseSpecificationPresent,
      @Nullable List<ReplicaUpdate> replicaUpdates) {
    this(tableName, billingMode, provisionedThroughput, deletionProtectionEnabled, attributeDefinitions,
        globalSecondaryIndexUpdates, streamSpecification, unsupportedFeatures, tableClass, onDemandThroughput,
        warmThroughput, sseSpecificationPresent, replicaUpdates, null, null);
  }

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
   * One ReplicaUpdates entry: its action (Create, Update or Delete), the region it names and, for a Create or an
   * Update, the settings the replica overrides (each null when absent).
   *
   * @param action null when the entry names none
   * @param readCapacityUnits ProvisionedThroughputOverride's ReadCapacityUnits
   * @param maxReadRequestUnits OnDemandThroughputOverride's MaxReadRequestUnits
   * @param globalSecondaryIndexes GlobalSecondaryIndexes
   * @param tableClass TableClassOverride
   */
  public record ReplicaUpdate(@Nullable Action action, @Nullable String regionName, @Nullable Long readCapacityUnits,
      @Nullable Long maxReadRequestUnits, @Nullable List<ReplicaIndexUpdate> globalSecondaryIndexes,
      @Nullable Choice<TableClass> tableClass, @Nullable String kmsMasterKeyId) {
    public enum Action {
      CREATE,
      UPDATE,
      DELETE
    }

    /** An entry without overrides. */
    public ReplicaUpdate(@Nullable Action action, @Nullable String regionName) {
      this(action, regionName, null, null, null, null, null);
    }

    /** The overrides this entry sets, once validated. */
    public ReplicaOverrides overrides() {
      Map<String, IndexOverride> indexes = new HashMap<>();
      if (globalSecondaryIndexes != null) {
        for (ReplicaIndexUpdate index : globalSecondaryIndexes) {
          indexes.put(Validated.present(index.indexName()), new IndexOverride(
              Optional.ofNullable(index.readCapacityUnits()), Optional.ofNullable(index.maxReadRequestUnits())));
        }
      }
      return new ReplicaOverrides(Optional.ofNullable(readCapacityUnits), Optional.ofNullable(maxReadRequestUnits),
          indexes, Optional.ofNullable(tableClass).map(Choice::known), Optional.ofNullable(kmsMasterKeyId));
    }
  }

  /**
   * One GlobalTableWitnessUpdates entry (GlobalTableWitnessGroupUpdate): its action and the witness region it names.
   *
   * @param action null when the entry names none
   */
  public record WitnessUpdate(@Nullable WitnessAction action, @Nullable String regionName) {
    public enum WitnessAction {
      CREATE,
      DELETE
    }
  }

  /** One ReplicaGlobalSecondaryIndex of a replica's Create or Update: the index's read overrides, each null if absent. */
  public record ReplicaIndexUpdate(@Nullable String indexName, @Nullable Long readCapacityUnits,
      @Nullable Long maxReadRequestUnits) {}

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
