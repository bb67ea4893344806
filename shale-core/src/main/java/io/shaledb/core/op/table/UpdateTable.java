package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.UpdateTableInput.GlobalIndexUpdate;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.validate.ConstraintViolations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** UpdateTable: billing mode, provisioned throughput and deletion protection. Changes apply at once. */
public final class UpdateTable implements Operation<UpdateTableInput, TableDescription> {
  private final Database db;

  public UpdateTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UpdateTableInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    CreateTable.checkDefinitions(v, in.attributeDefinitions());
    if (in.globalSecondaryIndexUpdates() != null) {
      for (int i = 0; i < in.globalSecondaryIndexUpdates().size(); i++) {
        SecondaryIndex create = in.globalSecondaryIndexUpdates().get(i).create();
        if (create != null) {
          SecondaryIndexes.checkDeclared(v, "globalSecondaryIndexUpdates." + (i + 1) + ".member.create.", create);
        }
      }
    }
    TableNames.pattern(v, "tableName", in.tableName());
    v.oneOf("billingMode", in.billingMode(), List.of("PROVISIONED", "PAY_PER_REQUEST"));
    Throughputs.checkDeclared(v, "provisionedThroughput", in.provisionedThroughput());
    Streams.checkDeclared(v, in.streamSpecification());
    v.throwIfAny();
  }

  @Override
  public TableDescription execute(UpdateTableInput in) {
    if (!in.unsupportedFeatures().isEmpty()) {
      throw DynamoException.validation(
          "ShaleDB does not support " + String.join(", ", in.unsupportedFeatures()) + " yet");
    }
    TableMetadata table = db.tableForControl(in.tableName());
    if (in.billingMode() == null && in.provisionedThroughput() == null && in.deletionProtectionEnabled() == null
        && in.globalSecondaryIndexUpdates() == null && in.streamSpecification() == null) {
      throw DynamoException.validation(
          "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or"
              + " SSESpecification or ReplicaUpdates is required");
    }
    TableMetadata updated = table;
    if (in.billingMode() != null || in.provisionedThroughput() != null) {
      updated = withCapacity(updated, in);
    }
    if (in.deletionProtectionEnabled() != null) {
      updated = updated.withDeletionProtection(in.deletionProtectionEnabled());
    }
    synchronized (db.catalog()) {
      db.catalog().update(updated);
      if (in.globalSecondaryIndexUpdates() != null) {
        updated = updateIndexes(updated, in);
      }
      if (in.streamSpecification() != null) {
        updated = updateStream(updated, in);
      }
    }
    return Describer.describe(db, updated, TableStatus.UPDATING);
  }

  /** Enables a new stream or disables the current one, which stays readable. */
  private TableMetadata updateStream(TableMetadata table, UpdateTableInput in) {
    TableMetadata updated;
    if (Streams.enabled(in.streamSpecification())) {
      if (table.stream() != null) {
        throw DynamoException.validation("Table already has an enabled stream: "
            + Streams.arn(db.tableArn(table.name()), table.stream().label()));
      }
      updated = table.withStream(Streams.settings(in.streamSpecification(), db.catalog().allocateKeyspace(),
          db.clock().instant()));
      db.catalog().update(updated);
      db.catalog().saveStream(Streams.descriptor(db, updated));
    } else {
      if (table.stream() == null) {
        throw DynamoException.validation("Table already has no enabled stream");
      }
      Streams.close(db, table);
      updated = table.withStream(null);
      db.catalog().update(updated);
    }
    return updated;
  }

  /** Creates (then backfills), deletes or re-provisions global secondary indexes. */
  private TableMetadata updateIndexes(TableMetadata table, UpdateTableInput in) {
    List<GlobalIndexUpdate> updates = in.globalSecondaryIndexUpdates();
    long structural = updates.stream().filter(u -> u.create() != null || u.delete() != null).count();
    if (structural > 1) {
      throw DynamoException.validation("One or more parameter values were invalid: Only 1 online index can be"
          + " created or deleted simultaneously per table");
    }
    TableMetadata updated = table;
    for (GlobalIndexUpdate update : updates) {
      if (update.create() != null) {
        updated = createIndex(updated, update.create(), in.attributeDefinitions());
      } else if (update.delete() != null) {
        IndexMetadata index = updated.index(update.delete());
        if (index == null || index.local()) {
          throw DynamoException.resourceNotFound("Requested resource not found: Index: " + update.delete()
              + " not found");
        }
        updated = db.catalog().dropIndex(updated, index);
        db.statistics().forget(index.keyspace());
      } else if (update.updateIndexName() != null) {
        IndexMetadata index = updated.index(update.updateIndexName());
        if (index == null || index.local()) {
          throw DynamoException.resourceNotFound("Requested resource not found: Index: " + update.updateIndexName()
              + " not found");
        }
        ProvisionedThroughput throughput = Throughputs.forCreate(updated.billingMode(), update.updateThroughput());
        updated = updated.withIndexes(updated.indexes().stream().map(i -> i != index ? i
            : new IndexMetadata(i.name(), i.keyspace(), false, i.keySchema(), i.projectionType(),
                i.nonKeyAttributes(), i.status(), throughput, i.creationDateTime())).toList());
        db.catalog().update(updated);
      }
    }
    return updated;
  }

  private TableMetadata createIndex(TableMetadata table, SecondaryIndex create, List<AttributeDefinition> given) {
    if (table.index(create.indexName()) != null) {
      throw DynamoException.validation("One or more parameter values were invalid: Attempting to create an index"
          + " which already exists");
    }
    if (table.indexes().stream().filter(i -> !i.local()).count() >= SecondaryIndexes.MAX_GLOBAL) {
      throw DynamoException.validation("One or more parameter values were invalid: GlobalSecondaryIndex count"
          + " exceeds the per-table limit of " + SecondaryIndexes.MAX_GLOBAL);
    }
    List<AttributeDefinition> definitions = new ArrayList<>(table.attributeDefinitions().stream()
        .map(a -> new AttributeDefinition(a.name(), a.type().name())).toList());
    for (AttributeDefinition d : given == null ? List.<AttributeDefinition>of() : given) {
      if (definitions.stream().noneMatch(existing -> existing.attributeName().equals(d.attributeName()))) {
        definitions.add(d);
      }
    }
    List<KeySchemaElement> tableKeys = new ArrayList<>();
    tableKeys.add(new KeySchemaElement(table.keySchema().partitionKey().name(), "HASH"));
    table.keySchema().sortKey().ifPresent(k -> tableKeys.add(new KeySchemaElement(k.name(), "RANGE")));
    Set<String> keyNames = new HashSet<>();
    tableKeys.forEach(k -> keyNames.add(k.attributeName()));
    if (create.keySchema() != null) {
      create.keySchema().forEach(k -> keyNames.add(k.attributeName()));
    }
    SecondaryIndexes.check(tableKeys, definitions.stream().filter(d -> keyNames.contains(d.attributeName())).toList(),
        null, List.of(create));
    List<SecondaryIndex> globals = List.of(create);
    Instant now = db.clock().instant();
    TableMetadata withDefinitions = table.withAttributeDefinitions(definitions.stream()
        .map(d -> new KeyAttribute(d.attributeName(), ScalarType.valueOf(d.attributeType()))).toList());
    TableMetadata updated = db.catalog().addIndex(withDefinitions, keyspace -> SecondaryIndexes.build(null, globals,
        definitions, table.billingMode(), keyspace, now).get(0).withStatus(IndexStatus.CREATING));
    db.background().execute(new IndexBackfill(db, table.name(), create.indexName()));
    return updated;
  }

  private TableMetadata withCapacity(TableMetadata table, UpdateTableInput in) {
    BillingMode mode = in.billingMode() == null ? table.billingMode() : BillingMode.valueOf(in.billingMode());
    Instant now = db.clock().instant();
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (in.provisionedThroughput() != null) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
                + " specified when BillingMode is PAY_PER_REQUEST");
      }
      Optional<Instant> since = table.billingMode() == BillingMode.PAY_PER_REQUEST
          ? table.lastUpdateToPayPerRequest() : Optional.of(now);
      return table.withCapacity(mode, ProvisionedThroughput.ON_DEMAND, since);
    }
    Throughput requested = in.provisionedThroughput();
    if (requested == null) {
      if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is"
                + " PROVISIONED");
      }
      return table;
    }
    Throughputs.checkBounds(requested);
    ProvisionedThroughput current = table.provisionedThroughput();
    if (table.billingMode() == BillingMode.PROVISIONED
        && requested.readCapacityUnits() == current.readCapacityUnits()
        && requested.writeCapacityUnits() == current.writeCapacityUnits()) {
      throw DynamoException.validation(
          "The provisioned throughput for the table will not change. The requested value equals the current value."
              + " Current ReadCapacityUnits provisioned for the table: " + current.readCapacityUnits()
              + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
              + ". Current WriteCapacityUnits provisioned for the table: " + current.writeCapacityUnits()
              + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
              + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher"
              + " limits.");
    }
    boolean increase = requested.readCapacityUnits() > current.readCapacityUnits()
        || requested.writeCapacityUnits() > current.writeCapacityUnits();
    boolean decrease = requested.readCapacityUnits() < current.readCapacityUnits()
        || requested.writeCapacityUnits() < current.writeCapacityUnits();
    ProvisionedThroughput next = new ProvisionedThroughput(
        requested.readCapacityUnits(),
        requested.writeCapacityUnits(),
        increase ? Optional.of(now) : current.lastIncreaseDateTime(),
        decrease ? Optional.of(now) : current.lastDecreaseDateTime(),
        current.numberOfDecreasesToday() + (decrease && table.billingMode() == BillingMode.PROVISIONED ? 1 : 0));
    return table.withCapacity(mode, next, table.lastUpdateToPayPerRequest());
  }
}
