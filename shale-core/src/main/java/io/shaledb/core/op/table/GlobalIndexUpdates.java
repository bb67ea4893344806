package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.UpdateTableInput.GlobalIndexUpdate;
import io.shaledb.core.op.table.UpdateTableInput.UpdateIndex;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: its declared constraints, the checks that need no table, and the
 * creation (to be backfilled), deletion and re-provisioning of global indexes. The rules on the list and its entries
 * are the service's, as the ack-api-quirks lab recorded them against AWS (findings DDB-TABLE-159, DDB-TABLE-160,
 * DDB-TABLE-162 and DDB-TABLE-359).
 */
final class GlobalIndexUpdates {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private GlobalIndexUpdates() {}

  static void checkDeclared(ConstraintViolations v, @Nullable List<GlobalIndexUpdate> updates) {
    if (updates == null) {
      return;
    }
    for (int i = 0; i < updates.size(); i++) {
      GlobalIndexUpdate update = updates.get(i);
      String path = "globalSecondaryIndexUpdates." + (i + 1) + ".member.";
      if (update.create() != null) {
        SecondaryIndexes.checkDeclared(v, path + "create.", update.create(), false);
      }
      if (update.delete() != null) {
        indexName(v, path + "delete.indexName", update.delete().indexName());
      }
      if (update.update() != null) {
        indexName(v, path + "update.indexName", update.update().indexName());
      }
    }
  }

  private static void indexName(ConstraintViolations v, String path, @Nullable String name) {
    TableNames.declared(v.notNull(path, name), path, name);
  }

  /**
   * The rules on the list itself, checked before the table is looked up: not empty (beside another change; alone it
   * is no change at all, which UpdateTable refuses first), one action per entry, one entry per index, and at most one
   * index created or deleted.
   */
  static void check(UpdateTableInput in) {
    List<GlobalIndexUpdate> updates = Validated.present(in.globalSecondaryIndexUpdates());
    if (updates.isEmpty()) {
      throw invalid("List of GlobalSecondaryIndexUpdates is empty");
    }
    Set<String> indexes = new HashSet<>();
    for (GlobalIndexUpdate update : updates) {
      long actions = Stream.of(update.create(), update.delete(), update.update()).filter(Objects::nonNull).count();
      if (actions == 0) {
        throw invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
            + " GlobalSecondaryIndexUpdate.Delete must not be null");
      }
      if (actions > 1) {
        throw invalid("Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
      }
      String name = update.create() != null ? update.create().indexName()
          : update.delete() != null ? update.delete().indexName() : Validated.present(update.update()).indexName();
      if (!indexes.add(name)) {
        throw invalid("Only one global secondary index update per index is allowed simultaneously. Index: " + name);
      }
    }
    if (updates.stream().filter(u -> u.create() != null || u.delete() != null).count() > 1) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
          "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }
    for (GlobalIndexUpdate update : updates) {
      if (update.create() != null) {
        if (in.attributeDefinitions() == null) {
          throw invalid("AttributeDefinitions is not specified for index: " + update.create().indexName());
        }
        SecondaryIndexes.checkNameLengths(List.of(), null, List.of(update.create()));
      }
    }
  }

  /** Applies the updates to {@code table}, as the catalog change reads it. */
  static TableMetadata apply(CatalogTransaction change, TableMetadata table, UpdateTableInput in, Instant now) {
    TableMetadata updated = table;
    for (GlobalIndexUpdate update : Validated.present(in.globalSecondaryIndexUpdates())) {
      if (update.create() != null) {
        updated = create(change, updated, update.create(), Validated.present(in.attributeDefinitions()), now);
      } else if (update.delete() != null) {
        IndexMetadata index = globalIndex(updated, Validated.present(update.delete().indexName()));
        updated = updated.withIndexes(updated.indexes().stream().filter(i -> !i.name().equals(index.name())).toList());
        updated = updated.withAttributeDefinitions(usedDefinitions(updated, updated.attributeDefinitions()));
        change.dropKeyspace(index.keyspace());
      } else {
        UpdateIndex throughputUpdate = Validated.present(update.update());
        IndexMetadata index = globalIndex(updated, Validated.present(throughputUpdate.indexName()));
        ProvisionedThroughput throughput = Throughputs.forCreate(updated.billingMode(),
            throughputUpdate.provisionedThroughput());
        updated = updated.withIndexes(updated.indexes().stream().map(i -> !i.name().equals(index.name()) ? i
            : i.withThroughput(throughput, TableOptionUpdates.onDemand(i.onDemandThroughput(),
                throughputUpdate.onDemandThroughput()))).toList());
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
   * with the items already there, then makes it ACTIVE. Definitions of attributes the table already defines are
   * taken from the table; one that gives the new index's key attribute another type is refused.
   */
  private static TableMetadata create(CatalogTransaction change, TableMetadata table, SecondaryIndex create,
      List<AttributeDefinition> given, Instant now) {
    if (table.index(Validated.present(create.indexName())) != null) {
      throw invalid("Attempting to create an index which already exists");
    }
    if (table.indexes().stream().filter(i -> !i.local()).count() >= SecondaryIndexes.MAX_GLOBAL) {
      throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of " + SecondaryIndexes.MAX_GLOBAL);
    }
    Set<String> keyNames = new HashSet<>();
    Validated.present(create.keySchema()).forEach(k -> keyNames.add(k.attributeName()));
    List<AttributeDefinition> definitions = new ArrayList<>(table.attributeDefinitions().stream()
        .map(a -> new AttributeDefinition(a.name(), Choice.of(a.type()))).toList());
    for (AttributeDefinition d : given) {
      AttributeDefinition existing = definitions.stream()
          .filter(e -> Validated.present(e.attributeName()).equals(d.attributeName())).findFirst().orElse(null);
      if (existing == null) {
        definitions.add(d);
      } else if (keyNames.contains(d.attributeName())
          && Validated.present(existing.attributeType()).value() != Validated.present(d.attributeType()).known()) {
        // DynamoDB Local 3.3.1's words: no source at hand gives the service's.
        throw DynamoException.validation(
            "invalid attribute, SchemaElement redefined should be of same type as previously defined");
      }
    }
    List<KeySchemaElement> tableKeys = new ArrayList<>();
    tableKeys.add(new KeySchemaElement(table.keySchema().partitionKey().name(), Choice.of(KeyType.HASH)));
    table.keySchema().sortKey().ifPresent(k -> tableKeys.add(new KeySchemaElement(k.name(), Choice.of(KeyType.RANGE))));
    tableKeys.forEach(k -> keyNames.add(k.attributeName()));
    int alreadyProjected = table.indexes().stream().mapToInt(i -> i.nonKeyAttributes().size()).sum();
    SecondaryIndexes.check(tableKeys, definitions.stream().filter(d -> keyNames.contains(d.attributeName())).toList(),
        null, List.of(create), alreadyProjected);
    IndexMetadata index = SecondaryIndexes.build(null, List.of(create), definitions, table.billingMode(),
        change.allocateKeyspaces(1), now).get(0).withStatus(IndexStatus.CREATING);
    List<IndexMetadata> indexes = new ArrayList<>(table.indexes());
    indexes.add(index);
    TableMetadata withIndex = table.withIndexes(indexes);
    return withIndex.withAttributeDefinitions(usedDefinitions(withIndex, definitions.stream()
        .map(d -> new KeyAttribute(Validated.present(d.attributeName()), Validated.present(d.attributeType()).known()))
        .toList()));
  }

  /** The definitions of the attributes the table's and its indexes' keys use: DynamoDB keeps no others. */
  private static List<KeyAttribute> usedDefinitions(TableMetadata table, List<KeyAttribute> definitions) {
    Set<String> used = new HashSet<>();
    table.keySchema().attributes().forEach(k -> used.add(k.name()));
    table.indexes().forEach(i -> i.keySchema().attributes().forEach(k -> used.add(k.name())));
    return definitions.stream().filter(d -> used.contains(d.name())).toList();
  }

  private static DynamoException invalid(String detail) {
    return DynamoException.validation(INVALID + detail);
  }
}
