package io.shaledb.core.op.table;

import java.util.List;

/**
 * CreateTable's request, as decoded: any field may be null. {@code unsupportedFeatures} names request members
 * ShaleDB does not implement yet (such as secondary indexes), which it refuses rather than silently ignore.
 */
public record CreateTableInput(
    String tableName,
    List<AttributeDefinition> attributeDefinitions,
    List<KeySchemaElement> keySchema,
    String billingMode,
    Throughput provisionedThroughput,
    List<Tag> tags,
    Boolean deletionProtectionEnabled,
    List<String> unsupportedFeatures) {

  public record AttributeDefinition(String attributeName, String attributeType) {}

  public record KeySchemaElement(String attributeName, String keyType) {}

  public record Throughput(Long readCapacityUnits, Long writeCapacityUnits) {}

  public record Tag(String key, String value) {}
}
