package io.shaledb.core.op.table;

import io.shaledb.core.schema.KeyType;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.validate.ConstraintViolations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secondary index definitions of CreateTable: their declared constraints and DynamoDB's semantic checks, in the
 * order its recorded answers show (dynalite's createTable tests), and their conversion to metadata.
 */
final class SecondaryIndexes {
  static final int MAX_LOCAL = 5;
  static final int MAX_GLOBAL = 20;
  static final int MAX_PROJECTED_ATTRIBUTES = 100;
  private static final String INVALID = "One or more parameter values were invalid: ";

  private SecondaryIndexes() {}

  static void checkDeclared(ConstraintViolations v, String parameter, List<SecondaryIndex> indexes) {
    if (indexes == null) {
      return;
    }
    for (int i = 0; i < indexes.size(); i++) {
      checkDeclared(v, parameter + "." + (i + 1) + ".member.", indexes.get(i));
    }
  }

  /** The declared constraints of one index definition; {@code path} ends with a dot. */
  static void checkDeclared(ConstraintViolations v, String path, SecondaryIndex index) {
    v.notNull(path + "keySchema", index.keySchema());
    if (index.keySchema() != null) {
      v.size(path + "keySchema", index.keySchema(), String.valueOf(index.keySchema()), 1, 2);
    }
    if (!index.projectionPresent()) {
      v.notNull(path + "projection", null);
    }
    v.oneOf(path + "projection.projectionType", index.projectionType(), ProjectionType.LISTED);
    TableNames.declared(v.notNull(path + "indexName", index.indexName()), path + "indexName", index.indexName());
  }

  /** Semantic checks of both kinds of index, then the limits. */
  static void check(List<KeySchemaElement> tableKeys, List<AttributeDefinition> definitions,
      List<SecondaryIndex> locals, List<SecondaryIndex> globals) {
    List<String> defined = definitions.stream().map(AttributeDefinition::attributeName).toList();
    Set<String> names = new HashSet<>();
    if (locals != null) {
      if (locals.isEmpty()) {
        throw invalid("List of LocalSecondaryIndexes is empty");
      }
      if (tableKeys.size() != 2) {
        throw invalid("Table KeySchema does not have a range key, which is required when specifying a"
            + " LocalSecondaryIndex");
      }
      String tableHash = tableKeys.get(0).attributeName();
      for (SecondaryIndex index : locals) {
        checkKeys(index, defined);
        if (index.keySchema().size() != 2) {
          throw invalid("Index KeySchema does not have a range key for index: " + index.indexName());
        }
        String indexHash = index.keySchema().get(0).attributeName();
        if (!indexHash.equals(tableHash)) {
          throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: "
              + index.indexName() + ". index hash key: " + indexHash + ", table hash key: " + tableHash);
        }
        checkProjection(index);
        if (!names.add(index.indexName())) {
          throw invalid("Duplicate index name: " + index.indexName());
        }
      }
      if (locals.size() > MAX_LOCAL) {
        throw invalid("Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL);
      }
    }
    if (globals != null) {
      if (globals.isEmpty()) {
        throw invalid("List of GlobalSecondaryIndexes is empty");
      }
      for (SecondaryIndex index : globals) {
        checkKeys(index, defined);
        checkProjection(index);
        if (!names.add(index.indexName())) {
          throw invalid("Duplicate index name: " + index.indexName());
        }
      }
      if (globals.size() > MAX_GLOBAL) {
        throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL);
      }
    }
    Set<String> used = new LinkedHashSet<>();
    tableKeys.forEach(k -> used.add(k.attributeName()));
    for (List<SecondaryIndex> list : java.util.Arrays.asList(locals, globals)) {
      if (list != null) {
        list.forEach(index -> index.keySchema().forEach(k -> used.add(k.attributeName())));
      }
    }
    if (!used.containsAll(defined) || defined.size() != new HashSet<>(defined).size()) {
      throw invalid("Some AttributeDefinitions are not used. AttributeDefinitions: " + defined + ", keys used: "
          + List.copyOf(used));
    }
    int projected = 0;
    for (List<SecondaryIndex> list : java.util.Arrays.asList(locals, globals)) {
      if (list != null) {
        for (SecondaryIndex index : list) {
          projected += index.nonKeyAttributes() == null ? 0 : index.nonKeyAttributes().size();
        }
      }
    }
    if (projected > MAX_PROJECTED_ATTRIBUTES) {
      throw invalid("The number of attributes in key schema and NonKeyAttributes across all secondary indexes"
          + " must not exceed " + MAX_PROJECTED_ATTRIBUTES + ". Number of attributes: " + projected);
    }
  }

  private static void checkKeys(SecondaryIndex index, List<String> defined) {
    List<String> keys = index.keySchema().stream().map(KeySchemaElement::attributeName).toList();
    if (!defined.containsAll(keys)) {
      throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: " + keys
          + ", AttributeDefinitions: " + defined);
    }
    if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
      throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same"
          + " name");
    }
    if (!index.keySchema().get(0).keyType().is(KeyType.HASH)) {
      throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keys.size() == 2 && !index.keySchema().get(1).keyType().is(KeyType.RANGE)) {
      throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
  }

  private static void checkProjection(SecondaryIndex index) {
    if (index.projectionType() == null) {
      throw invalid("Unknown ProjectionType: null");
    }
    if (index.nonKeyAttributes() != null && !index.projectionType().is(ProjectionType.INCLUDE)) {
      throw invalid("ProjectionType is " + index.projectionType().text() + ", but NonKeyAttributes is specified");
    }
  }

  /** The metadata of checked indexes, with consecutive keyspace ids from {@code firstKeyspace}. */
  static List<IndexMetadata> build(List<SecondaryIndex> locals, List<SecondaryIndex> globals,
      List<AttributeDefinition> definitions, BillingMode mode, int firstKeyspace, Instant now) {
    List<IndexMetadata> indexes = new ArrayList<>();
    int keyspace = firstKeyspace;
    for (SecondaryIndex index : locals == null ? List.<SecondaryIndex>of() : locals) {
      indexes.add(metadata(index, true, definitions, keyspace++, ProvisionedThroughput.ON_DEMAND, now));
    }
    for (SecondaryIndex index : globals == null ? List.<SecondaryIndex>of() : globals) {
      ProvisionedThroughput throughput = mode == BillingMode.PAY_PER_REQUEST ? ProvisionedThroughput.ON_DEMAND
          : Throughputs.forCreate(mode, index.provisionedThroughput());
      indexes.add(metadata(index, false, definitions, keyspace++, throughput, now));
    }
    return indexes;
  }

  private static IndexMetadata metadata(SecondaryIndex index, boolean local, List<AttributeDefinition> definitions,
      int keyspace, ProvisionedThroughput throughput, Instant now) {
    KeyAttribute hash = attribute(index.keySchema().get(0).attributeName(), definitions);
    KeyAttribute range = index.keySchema().size() == 2
        ? attribute(index.keySchema().get(1).attributeName(), definitions) : null;
    return new IndexMetadata(index.indexName(), keyspace, local, KeySchema.of(hash, range),
        index.projectionType().value(),
        index.nonKeyAttributes() == null ? List.of() : index.nonKeyAttributes(), IndexStatus.ACTIVE, throughput, now);
  }

  private static KeyAttribute attribute(String name, List<AttributeDefinition> definitions) {
    for (AttributeDefinition d : definitions) {
      if (d.attributeName().equals(name)) {
        return new KeyAttribute(name, d.attributeType().value());
      }
    }
    throw new IllegalStateException("index key " + name + " was checked to be defined");
  }

  private static DynamoException invalid(String detail) {
    return DynamoException.validation(INVALID + detail);
  }
}
