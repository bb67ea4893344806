package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.validate.Choice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CreateTable's request, as decoded: any field may be null. {@code unsupportedFeatures} names request members
 * ShaleDB does not implement yet (such as streams), which it refuses rather than silently ignore.
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
    @Nullable List<String> unsupportedFeatures) {

  /** StreamSpecification: whether a stream is on and what its records hold. */
  public record StreamSpecification(@Nullable Boolean streamEnabled, @Nullable Choice<StreamViewType> streamViewType) {}

  /** A local or global secondary index definition; local ones carry no throughput. */
  public record SecondaryIndex(@Nullable String indexName, @Nullable List<KeySchemaElement> keySchema, @Nullable Choice<ProjectionType> projectionType,
      @Nullable List<String> nonKeyAttributes, boolean projectionPresent, @Nullable Throughput provisionedThroughput) {}

  public record AttributeDefinition(@Nullable String attributeName, @Nullable Choice<ScalarType> attributeType) {}

  public record KeySchemaElement(@Nullable String attributeName, @Nullable Choice<KeyType> keyType) {}

  public record Throughput(@Nullable Long readCapacityUnits, @Nullable Long writeCapacityUnits) {}

  public record Tag(@Nullable String key, @Nullable String value) {}
}
