package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Secondary index definitions of CreateTable and UpdateTable: their declared constraints and DynamoDB's semantic
 * checks, in the order its recorded answers show (dynalite's createTable tests), and their conversion to metadata.
 * A global index's key may have up to four partition and four sort attributes (multi-attribute keys); the messages of
 * those rules, and of the projection rules, are the service's as the ack-api-quirks lab recorded them against AWS
 * (findings DDB-TABLE-123 and DDB-TABLE-126).
 */
final class SecondaryIndexes {
  static final int MAX_LOCAL = 5;
  static final int MAX_GLOBAL = 20;
  static final int MAX_PROJECTED_ATTRIBUTES = 100;
  /** The most NonKeyAttributes one index may declare (API reference, Projection). */
  static final int MAX_NON_KEY_ATTRIBUTES = 20;
  /** The most partition attributes, and the most sort attributes, of a global index's key. */
  static final int MAX_KEY_ATTRIBUTES_PER_ROLE = 4;
  /** The longest name, in UTF-8 bytes, of a key attribute or of an attribute projected into an index. */
  static final int MAX_KEY_NAME_BYTES = 255;
  private static final String INVALID = "One or more parameter values were invalid: ";

  private SecondaryIndexes() {}

  static void checkDeclared(ConstraintViolations v, String parameter, @Nullable List<SecondaryIndex> indexes, boolean local) {
    if (indexes == null) {
      return;
    }
    for (int i = 0; i < indexes.size(); i++) {
      checkDeclared(v, parameter + "." + (i + 1) + ".member.", indexes.get(i), local);
    }
  }

  /**
   * The declared constraints of one index definition; {@code path} ends with a dot. A local index's KeySchema has at
   * most two elements; a global index's has no declared maximum.
   */
  static void checkDeclared(ConstraintViolations v, String path, SecondaryIndex index, boolean local) {
    CreateTable.checkKeySchema(v, path + "keySchema", index.keySchema(), local ? 2 : Integer.MAX_VALUE);
    if (!index.projectionPresent()) {
      v.notNull(path + "projection", null);
    }
    v.oneOf(path + "projection.projectionType", index.projectionType(), ProjectionType.LISTED);
    v.size(path + "projection.nonKeyAttributes", index.nonKeyAttributes(), String.valueOf(index.nonKeyAttributes()),
        1, MAX_NON_KEY_ATTRIBUTES);
    TableNames.declared(v.notNull(path + "indexName", index.indexName()), path + "indexName", index.indexName());
  }

  /**
   * The names of key attributes and of projected attributes are limited in UTF-8 bytes, which the declared
   * constraints (in characters) let through (DynamoDB Local 3.3.1's words; the limit is the developer guide's).
   */
  static void checkNameLengths(List<KeySchemaElement> tableKeys, @Nullable List<SecondaryIndex> locals,
      @Nullable List<SecondaryIndex> globals) {
    List<String> names = new ArrayList<>();
    tableKeys.forEach(k -> names.add(k.attributeName()));
    for (List<SecondaryIndex> list : Arrays.asList(locals, globals)) {
      for (SecondaryIndex index : list == null ? List.<SecondaryIndex>of() : list) {
        Validated.present(index.keySchema()).forEach(k -> names.add(k.attributeName()));
        if (index.nonKeyAttributes() != null) {
          names.addAll(index.nonKeyAttributes());
        }
      }
    }
    for (String name : names) {
      if (name == null || name.isEmpty() || ItemSize.utf8Length(name) > MAX_KEY_NAME_BYTES) {
        throw DynamoException.validation("Names of key attributes and attributes projected into an index must be"
            + " between 1 and " + MAX_KEY_NAME_BYTES + " characters, inclusive");
      }
    }
  }

  /**
   * Semantic checks of both kinds of index, then the limits.
   *
   * @param alreadyProjected NonKeyAttributes the table's existing indexes declare (UpdateTable)
   */
  static void check(List<KeySchemaElement> tableKeys, List<AttributeDefinition> definitions,
      @Nullable List<SecondaryIndex> locals, @Nullable List<SecondaryIndex> globals, int alreadyProjected) {
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
        checkLocalKeys(index, defined);
        List<KeySchemaElement> indexKeys = Validated.present(index.keySchema());
        if (indexKeys.size() != 2) {
          throw invalid("Index KeySchema does not have a range key for index: " + index.indexName());
        }
        String indexHash = indexKeys.get(0).attributeName();
        if (!Validated.present(indexHash).equals(tableHash)) {
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
        checkGlobalKeys(index, defined);
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
    for (List<SecondaryIndex> list : Arrays.asList(locals, globals)) {
      if (list != null) {
        list.forEach(index -> Validated.present(index.keySchema()).forEach(k -> used.add(k.attributeName())));
      }
    }
    if (!used.containsAll(defined) || defined.size() != new HashSet<>(defined).size()) {
      throw invalid("Some AttributeDefinitions are not used. AttributeDefinitions: " + defined + ", keys used: "
          + List.copyOf(used));
    }
    int projected = alreadyProjected;
    for (List<SecondaryIndex> list : Arrays.asList(locals, globals)) {
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

  /** A local index's key: as a table's, one partition attribute and one sort attribute. */
  private static void checkLocalKeys(SecondaryIndex index, List<String> defined) {
    List<String> keys = checkDefined(index, defined);
    if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
      throw sameNames();
    }
    List<KeySchemaElement> schema = Validated.present(index.keySchema());
    if (!Validated.present(schema.get(0).keyType()).is(KeyType.HASH)) {
      throw firstNotHash();
    }
    if (keys.size() == 2 && !Validated.present(schema.get(1).keyType()).is(KeyType.RANGE)) {
      throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
  }

  /** A global index's key: one to four partition attributes, then up to four sort attributes, all distinct. */
  private static void checkGlobalKeys(SecondaryIndex index, List<String> defined) {
    List<String> keys = checkDefined(index, defined);
    List<KeySchemaElement> schema = Validated.present(index.keySchema());
    if (new HashSet<>(keys).size() != keys.size()) {
      // The two-element case keeps the words dynalite recorded before keys could have more attributes.
      boolean hashAndRange = keys.size() == 2 && Validated.present(schema.get(1).keyType()).is(KeyType.RANGE);
      throw hashAndRange ? sameNames()
          : DynamoException.validation("The KeySchema contains multiple key attributes with the same name");
    }
    if (!Validated.present(schema.get(0).keyType()).is(KeyType.HASH)) {
      throw firstNotHash();
    }
    int hashes = 0;
    boolean rangeSeen = false;
    for (KeySchemaElement key : schema) {
      if (Validated.present(key.keyType()).is(KeyType.HASH)) {
        if (rangeSeen) {
          throw invalid("All HASH key attributes must precede RANGE key attributes in the KeySchema");
        }
        hashes++;
      } else {
        rangeSeen = true;
      }
    }
    if (hashes > MAX_KEY_ATTRIBUTES_PER_ROLE) {
      throw invalid("The KeySchema exceeds the maximum allowed number of HASH key attributes");
    }
    if (schema.size() - hashes > MAX_KEY_ATTRIBUTES_PER_ROLE) {
      throw invalid("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }
  }

  /** The index's key attribute names, every one of them defined. */
  private static List<String> checkDefined(SecondaryIndex index, List<String> defined) {
    List<String> keys = Validated.present(index.keySchema()).stream().map(KeySchemaElement::attributeName).toList();
    if (!defined.containsAll(keys)) {
      throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: " + keys
          + ", AttributeDefinitions: " + defined);
    }
    return keys;
  }

  private static DynamoException sameNames() {
    return DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same"
        + " name");
  }

  private static DynamoException firstNotHash() {
    return DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }

  private static void checkProjection(SecondaryIndex index) {
    if (index.projectionType() == null) {
      throw invalid("Unknown ProjectionType: null");
    }
    boolean include = index.projectionType().is(ProjectionType.INCLUDE);
    if (index.nonKeyAttributes() != null && !include) {
      throw invalid("ProjectionType is " + index.projectionType().text() + ", but NonKeyAttributes is specified");
    }
    if (index.nonKeyAttributes() == null && include) {
      throw invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
    Set<String> seen = new HashSet<>();
    for (String attribute : index.nonKeyAttributes() == null ? List.<String>of() : index.nonKeyAttributes()) {
      if (!seen.add(attribute)) {
        throw invalid("Duplicate element in NonKeyAttributes: " + attribute);
      }
    }
  }

  /** The metadata of checked indexes, with consecutive keyspace ids from {@code firstKeyspace}. */
  static List<IndexMetadata> build(@Nullable List<SecondaryIndex> locals, @Nullable List<SecondaryIndex> globals,
      List<AttributeDefinition> definitions, BillingMode mode, int firstKeyspace, Instant now) {
    List<IndexMetadata> indexes = new ArrayList<>();
    int keyspace = firstKeyspace;
    for (SecondaryIndex index : locals == null ? List.<SecondaryIndex>of() : locals) {
      indexes.add(metadata(index, true, definitions, keyspace++, ProvisionedThroughput.ON_DEMAND, now));
    }
    for (SecondaryIndex index : globals == null ? List.<SecondaryIndex>of() : globals) {
      ProvisionedThroughput throughput = mode == BillingMode.PAY_PER_REQUEST ? ProvisionedThroughput.ON_DEMAND
          : Throughputs.forCreate(mode, index.provisionedThroughput());
      indexes.add(metadata(index, false, definitions, keyspace++, throughput, now)
          .withThroughput(throughput, TableOptionUpdates.onDemand(Optional.empty(), index.onDemandThroughput())));
    }
    return indexes;
  }

  private static IndexMetadata metadata(SecondaryIndex index, boolean local, List<AttributeDefinition> definitions,
      int keyspace, ProvisionedThroughput throughput, Instant now) {
    List<KeyAttribute> partitionKeys = new ArrayList<>();
    List<KeyAttribute> sortKeys = new ArrayList<>();
    for (KeySchemaElement key : Validated.present(index.keySchema())) {
      KeyAttribute attribute = attribute(Validated.present(key.attributeName()), definitions);
      (Validated.present(key.keyType()).is(KeyType.HASH) ? partitionKeys : sortKeys).add(attribute);
    }
    return new IndexMetadata(Validated.present(index.indexName()), keyspace, local,
        new KeySchema(partitionKeys, sortKeys),
        Validated.present(index.projectionType()).known(),
        index.nonKeyAttributes() == null ? List.of() : index.nonKeyAttributes(), IndexStatus.ACTIVE, throughput, now);
  }

  private static KeyAttribute attribute(String name, List<AttributeDefinition> definitions) {
    for (AttributeDefinition d : definitions) {
      if (Validated.present(d.attributeName()).equals(name)) {
        return new KeyAttribute(name, Validated.present(d.attributeType()).known());
      }
    }
    throw new IllegalStateException("index key " + name + " was checked to be defined");
  }

  private static DynamoException invalid(String detail) {
    return DynamoException.validation(INVALID + detail);
  }
}
