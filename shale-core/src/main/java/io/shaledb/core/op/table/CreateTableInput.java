package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.validate.Choice;

import java.util.List;

/**
 * CreateTable's request, as decoded: any field may be null. {@code unsupportedFeatures} names request members
 * ShaleDB does not implement yet (such as encryption with a KMS key), which it refuses rather than silently ignore.
 */
public record CreateTableInput(
    String tableName,
    List<AttributeDefinition> attributeDefinitions,
    List<KeySchemaElement> keySchema,
    Choice<BillingMode> billingMode,
    Throughput provisionedThroughput,
    List<Tag> tags,
    Boolean deletionProtectionEnabled,
    List<SecondaryIndex> localSecondaryIndexes,
    List<SecondaryIndex> globalSecondaryIndexes,
    StreamSpecification streamSpecification,
    List<String> unsupportedFeatures,
    Choice<TableClass> tableClass,
    OnDemandThroughputSpecification onDemandThroughput,
    WarmThroughputSpecification warmThroughput,
    String resourcePolicy) {

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
  public record OnDemandThroughputSpecification(Long maxReadRequestUnits, Long maxWriteRequestUnits) {}

  /** WarmThroughput: the read and write units per second to be ready for; a member left out is not changed. */
  public record WarmThroughputSpecification(Long readUnitsPerSecond, Long writeUnitsPerSecond) {}

  /** StreamSpecification: whether a stream is on and what its records hold. */
  public record StreamSpecification(Boolean streamEnabled, Choice<StreamViewType> streamViewType) {}

  /** A local or global secondary index definition; local ones carry no throughput. */
  public record SecondaryIndex(String indexName, List<KeySchemaElement> keySchema, Choice<ProjectionType> projectionType,
      List<String> nonKeyAttributes, boolean projectionPresent, Throughput provisionedThroughput) {}

  public record AttributeDefinition(String attributeName, Choice<ScalarType> attributeType) {}

  public record KeySchemaElement(String attributeName, Choice<KeyType> keyType) {}

  public record Throughput(Long readCapacityUnits, Long writeCapacityUnits) {}

  public record Tag(String key, String value) {}
}
