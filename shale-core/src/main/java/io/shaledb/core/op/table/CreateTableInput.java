package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CreateTable's request, as decoded: any field may be null. {@code unsupportedFeatures} names request members
 * ShaleDB does not implement yet (such as encryption with a KMS key), which it refuses rather than silently ignore.
 */
public record CreateTableInput(
    @Nullable String tableName,
    @Nullable List<AttributeDefinition> attributeDefinitions,
    @Nullable List<KeySchemaElement> keySchema,
    @Nullable Choice<BillingMode> billingMode,
    @Nullable Throughput provisionedThroughput,
    @Nullable List<Tag> tags,
    @Nullable Boolean deletionProtectionEnabled,
    @Nullable List<SecondaryIndex> localSecondaryIndexes,
    @Nullable List<SecondaryIndex> globalSecondaryIndexes,
    @Nullable StreamSpecification streamSpecification,
    @Nullable List<String> unsupportedFeatures,
    @Nullable Choice<TableClass> tableClass,
    @Nullable OnDemandThroughputSpecification onDemandThroughput,
    @Nullable WarmThroughputSpecification warmThroughput,
    @Nullable String resourcePolicy) {

  /** A request without the members infrastructure tools add (table class, throughput bounds, resource policy). */
  public CreateTableInput(String tableName, List<AttributeDefinition> attributeDefinitions,
      List<KeySchemaElement> keySchema, Choice<BillingMode> billingMode, Throughput provisionedThroughput,
      List<Tag> tags, Boolean deletionProtectionEnabled, List<SecondaryIndex> localSecondaryIndexes,
      List<SecondaryIndex> globalSecondaryIndexes, StreamSpecification streamSpecification,
      List<String> unsupportedFeatures) {
    this(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput, tags,
        deletionProtectionEnabled, localSecondaryIndexes, globalSecondaryIndexes, streamSpecification,
        unsupportedFeatures, null, null, null, null);
  }

  /** OnDemandThroughput: the most read and write request units per second; a member left out is not changed. */
  public record OnDemandThroughputSpecification(@Nullable Long maxReadRequestUnits,
      @Nullable Long maxWriteRequestUnits) {}

  /** WarmThroughput: the read and write units per second to be ready for; a member left out is not changed. */
  public record WarmThroughputSpecification(@Nullable Long readUnitsPerSecond, @Nullable Long writeUnitsPerSecond) {}

  /** StreamSpecification: whether a stream is on and what its records hold. */
  public record StreamSpecification(@Nullable Boolean streamEnabled, @Nullable Choice<StreamViewType> streamViewType) {}

  /** A local or global secondary index definition; local ones carry no throughput. */
  public record SecondaryIndex(@Nullable String indexName, @Nullable List<KeySchemaElement> keySchema, @Nullable Choice<ProjectionType> projectionType,
      @Nullable List<String> nonKeyAttributes, boolean projectionPresent, @Nullable Throughput provisionedThroughput,
      @Nullable OnDemandThroughputSpecification onDemandThroughput) {
    /** An index definition without OnDemandThroughput. */
    public SecondaryIndex(@Nullable String indexName, @Nullable List<KeySchemaElement> keySchema,
        @Nullable Choice<ProjectionType> projectionType, @Nullable List<String> nonKeyAttributes,
        boolean projectionPresent, @Nullable Throughput provisionedThroughput) {
      this(indexName, keySchema, projectionType, nonKeyAttributes, projectionPresent, provisionedThroughput, null);
    }
  }

  public record AttributeDefinition(@Nullable String attributeName, @Nullable Choice<ScalarType> attributeType) {}

  public record KeySchemaElement(@Nullable String attributeName, @Nullable Choice<KeyType> keyType) {}

  public record Throughput(@Nullable Long readCapacityUnits, @Nullable Long writeCapacityUnits) {}

  public record Tag(@Nullable String key, @Nullable String value) {}
}
