package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.schema.TimeToLive;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * CreateTable, as one catalog change: the table, its indexes' and stream's keyspaces and its stream descriptor are
 * committed together. The table is usable as soon as this returns; the response still says CREATING, as DynamoDB's
 * does, and DescribeTable reports ACTIVE from then on.
 */
public final class CreateTable implements Operation<CreateTableInput, TableDescription> {
  private final Database db;

  public CreateTable(Database db) {
    this.db = db;
  }

  @Override
  public TableDescription execute(CreateTableInput in, RequestContext context) {
    Encryption.refuseUnsupported(db, Validated.present(in.unsupportedFeatures()));
    BillingMode mode = Choice.valueOr(in.billingMode(), BillingMode.PROVISIONED);
    ProvisionedThroughput throughput = Throughputs.forCreate(mode, in.provisionedThroughput());
    boolean hasIndexes = in.localSecondaryIndexes() != null || in.globalSecondaryIndexes() != null;
    String tableName = Validated.present(in.tableName());
    List<KeySchemaElement> keys = Validated.present(in.keySchema());
    List<AttributeDefinition> definitions = Validated.present(in.attributeDefinitions());
    SecondaryIndexes.checkNameLengths(keys, in.localSecondaryIndexes(), in.globalSecondaryIndexes());
    refuseDuplicateDefinitions(definitions);
    KeySchema keySchema = validateKeys(keys, definitions, hasIndexes);
    SecondaryIndexes.check(keys, definitions, in.localSecondaryIndexes(), in.globalSecondaryIndexes(), 0);
    Map<String, String> tags = Tags.validate(in.tags());
    var now = db.clock().instant();
    int indexCount = (in.localSecondaryIndexes() == null ? 0 : in.localSecondaryIndexes().size())
        + (in.globalSecondaryIndexes() == null ? 0 : in.globalSecondaryIndexes().size());
    boolean streaming = Streams.enabled(in.streamSpecification(), true);
    if (in.resourcePolicy() != null) {
      ResourcePolicies.checkDocument(in.resourcePolicy());
    }
    TableOptions options = TableOptionUpdates.apply(TableOptions.DEFAULTS, in.tableClass(), in.onDemandThroughput(),
        in.warmThroughput()).withResourcePolicy(Optional.ofNullable(in.resourcePolicy())
            .map(document -> ResourcePolicies.next(Optional.empty(), document, now)));
    TableMetadata table = db.catalog().change(change -> {
      if (change.nameTaken(tableName)) {
        throw DynamoException.resourceInUse("Table already exists: " + tableName);
      }
      ConcurrentTableOperations.admit(db.catalog().list(), tableName, ConcurrentTableOperations.LIMIT);
      int keyspace = change.allocateKeyspaces(1 + indexCount + (streaming ? 1 : 0));
      TableMetadata created = new TableMetadata(
          tableName,
          keyspace,
          UUID.randomUUID().toString(),
          keySchema,
          definitions.stream()
              .map(d -> new KeyAttribute(Validated.present(d.attributeName()),
                  Validated.present(d.attributeType()).known()))
              .toList(),
          mode,
          throughput,
          mode == BillingMode.PAY_PER_REQUEST ? Optional.of(now) : Optional.empty(),
          now,
          tags,
          Boolean.TRUE.equals(in.deletionProtectionEnabled()),
          SecondaryIndexes.build(in.localSecondaryIndexes(), in.globalSecondaryIndexes(), definitions, mode,
              keyspace + 1, now),
          streaming ? Streams.settings(db, change, tableName, Validated.present(in.streamSpecification()),
              keyspace + 1 + indexCount, now) : null,
          TimeToLive.NEVER_ENABLED,
          options);
      change.putTable(created);
      if (created.stream() != null) {
        change.putStream(Streams.descriptor(db, created));
      }
      return created;
    });
    return Describer.describe(db, table, TableStatus.CREATING);
  }

  /** The declared constraints, in the order DynamoDB lists them. */
  @Override
  public void validate(CreateTableInput in) {
    TableNames.checkNewTable(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("attributeDefinitions", in.attributeDefinitions());
    checkDefinitions(v, in.attributeDefinitions());
    Throughputs.checkDeclared(v, "provisionedThroughput", in.provisionedThroughput());
    checkKeySchema(v, "keySchema", in.keySchema(), 2);
    SecondaryIndexes.checkDeclared(v, "localSecondaryIndexes", in.localSecondaryIndexes(), true);
    SecondaryIndexes.checkDeclared(v, "globalSecondaryIndexes", in.globalSecondaryIndexes(), false);
    v.oneOf("billingMode", in.billingMode(), BillingMode.values());
    Streams.checkDeclared(v, in.streamSpecification());
    Tags.checkDeclared(v, "tags", in.tags());
    TableOptionUpdates.checkDeclared(v, in.tableClass());
    v.throwIfAny();
  }

  /** The declared constraints of a KeySchema (of a table or an index) at {@code path}, of at most {@code max} keys. */
  static void checkKeySchema(ConstraintViolations v, String path, @Nullable List<KeySchemaElement> keys, int max) {
    v.notNull(path, keys);
    if (keys == null) {
      return;
    }
    v.size(path, keys, render(keys), 1, max);
    for (int i = 0; i < keys.size(); i++) {
      KeySchemaElement k = keys.get(i);
      String member = path + "." + (i + 1) + ".member.";
      v.notNull(member + "attributeName", k.attributeName())
          .length(member + "attributeName", k.attributeName(), 1, 255)
          .notNull(member + "keyType", k.keyType())
          .oneOf(member + "keyType", k.keyType(), KeyType.values());
    }
  }

  /** The declared constraints of each AttributeDefinitions entry (of CreateTable and UpdateTable). */
  static void checkDefinitions(ConstraintViolations v, @Nullable List<AttributeDefinition> definitions) {
    if (definitions == null) {
      return;
    }
    for (int i = 0; i < definitions.size(); i++) {
      AttributeDefinition d = definitions.get(i);
      String path = "attributeDefinitions." + (i + 1) + ".member.";
      v.notNull(path + "attributeName", d.attributeName())
          .length(path + "attributeName", d.attributeName(), 1, 255)
          .notNull(path + "attributeType", d.attributeType())
          .oneOf(path + "attributeType", d.attributeType(), ScalarType.LISTED);
    }
  }

  /**
   * An attribute defined twice, even with the same type, is refused before the key schema is looked at, in DynamoDB's
   * words (ScyllaDB issue 13870, quoting the service).
   */
  private static void refuseDuplicateDefinitions(List<AttributeDefinition> definitions) {
    Set<String> seen = new HashSet<>();
    for (AttributeDefinition definition : definitions) {
      if (!seen.add(definition.attributeName())) {
        throw DynamoException.validation("Attribute Name is duplicated: " + definition.attributeName());
      }
    }
  }

  /** The key schema checks, in DynamoDB's order (as recorded by dynalite's createTable tests). */
  static KeySchema validateKeys(List<KeySchemaElement> keys, List<AttributeDefinition> definitions,
      boolean hasIndexes) {
    List<String> names = keys.stream().map(KeySchemaElement::attributeName).toList();
    List<String> defined = definitions.stream().map(AttributeDefinition::attributeName).toList();
    boolean undefined = !defined.containsAll(names);
    if (keys.size() == 2 && (undefined || (names.get(0).equals(names.get(1)) && defined.size() == 1))) {
      throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
    }
    if (keys.size() == 1 && undefined) {
      throw DynamoException.validation("One or more parameter values were invalid: Some index key attributes are"
          + " not defined in AttributeDefinitions. Keys: " + names + ", AttributeDefinitions: " + defined);
    }
    if (keys.size() == 2 && names.get(0).equals(names.get(1))) {
      throw DynamoException.validation(
          "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!Validated.present(keys.get(0).keyType()).is(KeyType.HASH)) {
      throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keys.size() == 2 && !Validated.present(keys.get(1).keyType()).is(KeyType.RANGE)) {
      throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    if (!hasIndexes && keys.size() != definitions.size()) {
      throw DynamoException.validation("One or more parameter values were invalid: Number of attributes in"
          + " KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }
    return KeySchema.of(keyAttribute(names.get(0), definitions),
        keys.size() == 2 ? keyAttribute(names.get(1), definitions) : null);
  }

  private static KeyAttribute keyAttribute(String name, List<AttributeDefinition> definitions) {
    for (AttributeDefinition d : definitions) {
      if (Validated.present(d.attributeName()).equals(name)) {
        return new KeyAttribute(name, Validated.present(d.attributeType()).known());
      }
    }
    throw new IllegalStateException("key attribute " + name + " was checked to be defined");
  }

  private static String render(List<KeySchemaElement> keys) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < keys.size(); i++) {
      KeySchemaElement k = keys.get(i);
      s.append(i == 0 ? "" : ", ")
          .append("KeySchemaElement(attributeName=").append(k.attributeName())
          .append(", keyType=").append(k.keyType() == null ? null : k.keyType().text()).append(')');
    }
    return s.append(']').toString();
  }
}
