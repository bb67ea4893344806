package io.shaledb.core.op.table;

import io.shaledb.core.schema.KeyType;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.CatalogTransaction;
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

/**
 * UpdateTable: billing mode, provisioned throughput, deletion protection, global index creation and deletion, and the
 * stream. Changes apply at once.
 */
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
    v.oneOf("billingMode", in.billingMode(), BillingMode.values());
    Throughputs.checkDeclared(v, "provisionedThroughput", in.provisionedThroughput());
    Streams.checkDeclared(v, in.streamSpecification());
    v.throwIfAny();
  }

  /**
   * Every part of the update (capacity, deletion protection, index creations, deletions and throughput, the stream)
   * is decided from the table as the catalog change reads it and committed in that one change: concurrent updates of
   * one table never lose each other's parts, and a crash leaves the table as before or as after.
   */
  @Override
  public TableDescription execute(UpdateTableInput in, RequestContext context) {
    if (!in.unsupportedFeatures().isEmpty()) {
      throw DynamoException.validation(
          "ShaleDB does not support " + String.join(", ", in.unsupportedFeatures()) + " yet");
    }
    Instant now = db.clock().instant();
    Updated result = db.catalog().change(change -> {
      TableMetadata table = change.table(in.tableName()).orElseThrow(() -> Database.tableNotFound(in.tableName()));
      if (in.billingMode() == null && in.provisionedThroughput() == null && in.deletionProtectionEnabled() == null
          && in.globalSecondaryIndexUpdates() == null && in.streamSpecification() == null) {
        throw DynamoException.validation(
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or"
                + " SSESpecification or ReplicaUpdates is required");
      }
      TableMetadata updated = table;
      if (in.billingMode() != null || in.provisionedThroughput() != null) {
        updated = withCapacity(updated, in, now);
      }
      if (in.deletionProtectionEnabled() != null) {
        updated = updated.withDeletionProtection(in.deletionProtectionEnabled());
      }
      if (in.globalSecondaryIndexUpdates() != null) {
        updated = updateIndexes(change, updated, in, now);
      }
      if (in.streamSpecification() != null) {
        updated = updateStream(change, updated, in, now);
      }
      change.putTable(updated);
      return new Updated(table, updated);
    });
    for (IndexMetadata index : result.before().indexes()) {
      if (result.after().indexes().stream().noneMatch(i -> i.keyspace() == index.keyspace())) {
        db.statistics().forget(index.keyspace());
        db.background().wake(Service.KEYSPACE_RECLAIM);
      }
    }
    if (result.after().indexes().stream().anyMatch(i -> i.status() == IndexStatus.CREATING)) {
      db.background().wake(Service.INDEX_BUILD);
    }
    return Describer.describe(db, result.after(), TableStatus.UPDATING);
  }

  /** The table before and after an update. */
  private record Updated(TableMetadata before, TableMetadata after) {}

  /** Enables a new stream or disables the current one, which stays readable. */
  private TableMetadata updateStream(CatalogTransaction change, TableMetadata table, UpdateTableInput in,
      Instant now) {
    if (Streams.enabled(in.streamSpecification())) {
      if (table.stream() != null) {
        throw DynamoException.validation("Table already has an enabled stream: "
            + Streams.arn(db.tableArn(table.name()), table.stream().label()));
      }
      TableMetadata updated = table.withStream(Streams.settings(db, change, table.name(), in.streamSpecification(),
          change.allocateKeyspaces(1), now));
      change.putStream(Streams.descriptor(db, updated));
      return updated;
    }
    if (table.stream() == null) {
      throw DynamoException.validation("Table already has no enabled stream");
    }
    Streams.close(db, change, table);
    return table.withStream(null);
  }

  /** Creates (to be backfilled), deletes or re-provisions global secondary indexes. */
  private TableMetadata updateIndexes(CatalogTransaction change, TableMetadata table, UpdateTableInput in,
      Instant now) {
    List<GlobalIndexUpdate> updates = in.globalSecondaryIndexUpdates();
    long structural = updates.stream().filter(u -> u.create() != null || u.delete() != null).count();
    if (structural > 1) {
      throw DynamoException.validation("One or more parameter values were invalid: Only 1 online index can be"
          + " created or deleted simultaneously per table");
    }
    TableMetadata updated = table;
    for (GlobalIndexUpdate update : updates) {
      if (update.create() != null) {
        updated = createIndex(change, updated, update.create(), in.attributeDefinitions(), now);
      } else if (update.delete() != null) {
        IndexMetadata index = globalIndex(updated, update.delete());
        updated = updated.withIndexes(updated.indexes().stream().filter(i -> i != index).toList());
        change.dropKeyspace(index.keyspace());
      } else if (update.updateIndexName() != null) {
        IndexMetadata index = globalIndex(updated, update.updateIndexName());
        ProvisionedThroughput throughput = Throughputs.forCreate(updated.billingMode(), update.updateThroughput());
        updated = updated.withIndexes(updated.indexes().stream().map(i -> i != index ? i
            : new IndexMetadata(i.name(), i.keyspace(), false, i.keySchema(), i.projectionType(),
                i.nonKeyAttributes(), i.status(), throughput, i.creationDateTime())).toList());
      }
    }
    return updated;
  }

  private static IndexMetadata globalIndex(TableMetadata table, String name) {
    IndexMetadata index = table.index(name);
    if (index == null || index.local()) {
      throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
    }
    return index;
  }

  /**
   * Adds a global index as CREATING: from its commit on every write maintains it, and the index builder fills it
   * with the items already there, then makes it ACTIVE.
   */
  private TableMetadata createIndex(CatalogTransaction change, TableMetadata table, SecondaryIndex create,
      List<AttributeDefinition> given, Instant now) {
    if (table.index(create.indexName()) != null) {
      throw DynamoException.validation("One or more parameter values were invalid: Attempting to create an index"
          + " which already exists");
    }
    if (table.indexes().stream().filter(i -> !i.local()).count() >= SecondaryIndexes.MAX_GLOBAL) {
      throw DynamoException.validation("One or more parameter values were invalid: GlobalSecondaryIndex count"
          + " exceeds the per-table limit of " + SecondaryIndexes.MAX_GLOBAL);
    }
    List<AttributeDefinition> definitions = new ArrayList<>(table.attributeDefinitions().stream()
        .map(a -> new AttributeDefinition(a.name(), Choice.of(a.type()))).toList());
    for (AttributeDefinition d : given == null ? List.<AttributeDefinition>of() : given) {
      if (definitions.stream().noneMatch(existing -> existing.attributeName().equals(d.attributeName()))) {
        definitions.add(d);
      }
    }
    List<KeySchemaElement> tableKeys = new ArrayList<>();
    tableKeys.add(new KeySchemaElement(table.keySchema().partitionKey().name(), Choice.of(KeyType.HASH)));
    table.keySchema().sortKey().ifPresent(k -> tableKeys.add(new KeySchemaElement(k.name(), Choice.of(KeyType.RANGE))));
    Set<String> keyNames = new HashSet<>();
    tableKeys.forEach(k -> keyNames.add(k.attributeName()));
    if (create.keySchema() != null) {
      create.keySchema().forEach(k -> keyNames.add(k.attributeName()));
    }
    SecondaryIndexes.check(tableKeys, definitions.stream().filter(d -> keyNames.contains(d.attributeName())).toList(),
        null, List.of(create));
    IndexMetadata index = SecondaryIndexes.build(null, List.of(create), definitions, table.billingMode(),
        change.allocateKeyspaces(1), now).get(0).withStatus(IndexStatus.CREATING);
    List<IndexMetadata> indexes = new ArrayList<>(table.indexes());
    indexes.add(index);
    return table.withAttributeDefinitions(definitions.stream()
        .map(d -> new KeyAttribute(d.attributeName(), d.attributeType().value())).toList())
        .withIndexes(indexes);
  }

  private static TableMetadata withCapacity(TableMetadata table, UpdateTableInput in, Instant now) {
    BillingMode mode = Choice.valueOr(in.billingMode(), table.billingMode());
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
