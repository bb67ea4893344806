package io.shaledb.core.op.table;

import java.util.List;

/**
 * CreateTable's request, as decoded: any field may be null. {@code unsupportedFeatures} names request members
 * ShaleDB does not implement yet (such as streams), which it refuses rather than silently ignore.
 */
public record CreateTableInput(
    String tableName,
    List<AttributeDefinition> attributeDefinitions,
    List<KeySchemaElement> keySchema,
    String billingMode,
    Throughput provisionedThroughput,
    List<Tag> tags,
    Boolean deletionProtectionEnabled,
    List<SecondaryIndex> localSecondaryIndexes,
    List<SecondaryIndex> globalSecondaryIndexes,
    StreamSpecification streamSpecification,
    List<String> unsupportedFeatures) {

  /** StreamSpecification: whether a stream is on and what its records hold. */
  public record StreamSpecification(Boolean streamEnabled, String streamViewType) {}

  /** A local or global secondary index definition; local ones carry no throughput. */
  public record SecondaryIndex(String indexName, List<KeySchemaElement> keySchema, String projectionType,
      List<String> nonKeyAttributes, boolean projectionPresent, Throughput provisionedThroughput) {}

  public record AttributeDefinition(String attributeName, String attributeType) {}

  public record KeySchemaElement(String attributeName, String keyType) {}

  public record Throughput(Long readCapacityUnits, Long writeCapacityUnits) {}

  public record Tag(String key, String value) {}
}
