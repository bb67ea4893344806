package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * CreateTable. The table is usable as soon as this returns; the response still says CREATING, as DynamoDB's does,
 * and DescribeTable reports ACTIVE from then on.
 */
public final class CreateTable implements Operation<CreateTableInput, TableDescription> {
  private final Database db;

  public CreateTable(Database db) {
    this.db = db;
  }

  @Override
  public TableDescription execute(CreateTableInput in) {
    if (!in.unsupportedFeatures().isEmpty()) {
      throw DynamoException.validation(
          "ShaleDB does not support " + String.join(", ", in.unsupportedFeatures()) + " yet");
    }
    KeySchema keySchema = validateKeys(in);
    BillingMode mode = in.billingMode() == null ? BillingMode.PROVISIONED : BillingMode.valueOf(in.billingMode());
    ProvisionedThroughput throughput = Throughputs.forCreate(mode, in.provisionedThroughput());
    Map<String, String> tags = Tags.validate(in.tags());
    List<KeyAttribute> definitions = new ArrayList<>();
    for (AttributeDefinition d : in.attributeDefinitions()) {
      definitions.add(new KeyAttribute(d.attributeName(), ScalarType.valueOf(d.attributeType())));
    }
    var now = db.clock().instant();
    TableMetadata table = db.catalog().create(in.tableName(), keyspace -> new TableMetadata(
        in.tableName(),
        keyspace,
        UUID.randomUUID().toString(),
        keySchema,
        definitions,
        mode,
        throughput,
        mode == BillingMode.PAY_PER_REQUEST ? Optional.of(now) : Optional.empty(),
        now,
        tags,
        Boolean.TRUE.equals(in.deletionProtectionEnabled())));
    return Describer.describe(db, table, TableStatus.CREATING);
  }

  @Override
  public void validate(CreateTableInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("attributeDefinitions", in.attributeDefinitions());
    TableNames.check(v, "tableName", in.tableName());
    v.notNull("keySchema", in.keySchema());
    if (in.keySchema() != null) {
      v.size("keySchema", in.keySchema(), render(in.keySchema()), 1, 2);
      for (int i = 0; i < in.keySchema().size(); i++) {
        KeySchemaElement k = in.keySchema().get(i);
        String path = "keySchema." + (i + 1) + ".member.";
        v.notNull(path + "attributeName", k.attributeName())
            .length(path + "attributeName", k.attributeName(), 1, 255)
            .notNull(path + "keyType", k.keyType())
            .oneOf(path + "keyType", k.keyType(), List.of("HASH", "RANGE"));
      }
    }
    if (in.attributeDefinitions() != null) {
      for (int i = 0; i < in.attributeDefinitions().size(); i++) {
        AttributeDefinition d = in.attributeDefinitions().get(i);
        String path = "attributeDefinitions." + (i + 1) + ".member.";
        v.notNull(path + "attributeName", d.attributeName())
            .length(path + "attributeName", d.attributeName(), 1, 255)
            .notNull(path + "attributeType", d.attributeType())
            .oneOf(path + "attributeType", d.attributeType(), List.of("B", "N", "S"));
      }
    }
    v.oneOf("billingMode", in.billingMode(), List.of("PROVISIONED", "PAY_PER_REQUEST"));
    Throughputs.checkDeclared(v, "provisionedThroughput", in.provisionedThroughput());
    v.throwIfAny();
  }

  private static KeySchema validateKeys(CreateTableInput in) {
    List<KeySchemaElement> keys = in.keySchema();
    Map<String, ScalarType> defined = new LinkedHashMap<>();
    for (AttributeDefinition d : in.attributeDefinitions()) {
      if (defined.put(d.attributeName(), ScalarType.valueOf(d.attributeType())) != null) {
        throw DynamoException.validation("Cannot have two attributes with the same name");
      }
    }
    if (!"HASH".equals(keys.get(0).keyType())) {
      throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keys.size() == 2) {
      if (!"RANGE".equals(keys.get(1).keyType())) {
        throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      if (keys.get(0).attributeName().equals(keys.get(1).attributeName())) {
        throw DynamoException.validation(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name");
      }
    }
    List<String> keyNames = keys.stream().map(KeySchemaElement::attributeName).toList();
    Set<String> missing = new HashSet<>(keyNames);
    missing.removeAll(defined.keySet());
    if (!missing.isEmpty()) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Some index key attributes are not defined in"
              + " AttributeDefinitions. Keys: " + keyNames + ", AttributeDefinitions: " + List.copyOf(defined.keySet()));
    }
    if (defined.size() != keyNames.size()) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match"
              + " number of attributes defined in AttributeDefinitions");
    }
    KeyAttribute hash = new KeyAttribute(keyNames.get(0), defined.get(keyNames.get(0)));
    KeyAttribute range = keys.size() == 2 ? new KeyAttribute(keyNames.get(1), defined.get(keyNames.get(1))) : null;
    return KeySchema.of(hash, range);
  }

  private static String render(List<KeySchemaElement> keys) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < keys.size(); i++) {
      KeySchemaElement k = keys.get(i);
      s.append(i == 0 ? "" : ", ")
          .append("KeySchemaElement(attributeName=").append(k.attributeName())
          .append(", keyType=").append(k.keyType()).append(')');
    }
    return s.append(']').toString();
  }
}
