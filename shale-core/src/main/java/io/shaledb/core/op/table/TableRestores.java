package io.shaledb.core.op.table;

import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.RestoreSummary;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.TimeToLive;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Starting a restore, shared by RestoreTableFromBackup and RestoreTableToPointInTime: the target table is created as
 * CREATING, with fresh keyspaces, the source's key schema, attribute definitions, indexes, billing and table class
 * (each as overridden), a RestoreSummary in progress and the restore job ({@link RestoreJob}), in the caller's
 * catalog change; the {@code TableRestorer} service fills it and makes it ACTIVE. As DynamoDB does
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html), the restored
 * table has no tags, stream, time to live, deletion protection, resource policy, contributor insights or Kinesis
 * destinations: they are set again by hand.
 */
public final class TableRestores {
  /**
   * DynamoDB's limit on restores running at once in an account, of either kind (the API reference of
   * RestoreTableFromBackup: "up to 50 concurrent restores (any type of restore) in a given account").
   */
  static final int MAX_CONCURRENT = 50;

  private TableRestores() {}

  /** The declared constraints of the overrides, after the request's own members. */
  static void checkDeclared(ConstraintViolations v, RestoreOverrides overrides) {
    v.oneOf("billingModeOverride", overrides.billingMode(), BillingMode.values());
    SecondaryIndexes.checkDeclared(v, "globalSecondaryIndexOverride", overrides.globalSecondaryIndexes(), false);
    SecondaryIndexes.checkDeclared(v, "localSecondaryIndexOverride", overrides.localSecondaryIndexes(), true);
    Throughputs.checkDeclared(v, "provisionedThroughputOverride", overrides.provisionedThroughput());
  }

  /**
   * Refuses to change a table being created, as DynamoDB refuses to (dynalite's recorded answer to UpdateTable and
   * DeleteTable): one being restored, which the restore copies into with no stream, time to live or index added
   * meanwhile, or a replica another region is still filling.
   */
  static void refuseWhileCreating(TableMetadata table) {
    if (table.creating()) {
      throw DynamoException.resourceInUse(
          "Attempt to change a resource which is still in use: Table is being created: " + table.name());
    }
  }

  /**
   * Abandons every restore that reads keyspace {@code keyspace}, which {@code change} stops keeping whole (turning
   * point-in-time recovery off stops the history while the table's items change on): the table being restored is
   * deleted with its job, as a failed restore leaves nothing, so a half-filled table is never made ACTIVE.
   */
  static void abandonReading(CatalogTransaction change, int keyspace) {
    for (RestoreJob job : RestoreJob.all(change.storage())) {
      if (job.origin().reads(keyspace)) {
        change.table(job.tableName()).filter(table -> table.keyspace() == job.keyspace())
            .ifPresent(change::deleteTable);
        job.finish(change.storage());
      }
    }
  }

  /** Refuses what ShaleDB does not implement, before anything is looked up. */
  static void refuseUnsupported(RestoreOverrides overrides) {
    if (!overrides.unsupportedFeatures().isEmpty()) {
      throw DynamoException.validation(
          "ShaleDB does not support " + String.join(", ", overrides.unsupportedFeatures()) + " yet");
    }
  }

  /**
   * Creates {@code targetName} from {@code source} in {@code change}, and registers its restore from {@code origin}.
   *
   * @throws DynamoException TableAlreadyExistsException when a table of that name exists (of any status),
   *     LimitExceededException when {@value #MAX_CONCURRENT} restores are running, or a ValidationException when an
   *     override does not fit the source
   */
  public static TableMetadata create(Database db, CatalogTransaction change, String targetName, TableMetadata source,
      RestoreOverrides overrides, RestoreSummary summary, RestoreOrigin origin) {
    if (change.nameTaken(targetName)) {
      throw new DynamoException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + targetName);
    }
    if (RestoreJob.all(change.storage()).size() >= MAX_CONCURRENT) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
          "Subscriber limit exceeded: Only " + MAX_CONCURRENT + " restore operations can be done simultaneously");
    }
    ConcurrentTableOperations.admit(db.catalog().list(), targetName, ConcurrentTableOperations.LIMIT);
    Instant now = db.clock().instant();
    BillingMode mode = Choice.valueOr(overrides.billingMode(), source.billingMode());
    ProvisionedThroughput throughput = overrides.provisionedThroughput() == null && mode == source.billingMode()
        ? ProvisionedThroughput.of(source.provisionedThroughput().readCapacityUnits(),
            source.provisionedThroughput().writeCapacityUnits())
        : Throughputs.forCreate(mode, overrides.provisionedThroughput());
    List<SecondaryIndex> locals = overrides.localSecondaryIndexes() != null ? overrides.localSecondaryIndexes()
        : specifications(source, true, mode);
    List<SecondaryIndex> globals = overrides.globalSecondaryIndexes() != null ? overrides.globalSecondaryIndexes()
        : specifications(source, false, mode);
    List<AttributeDefinition> definitions = used(source, locals, globals);
    @Nullable List<SecondaryIndex> keptLocals = locals.isEmpty() ? null : locals;
    @Nullable List<SecondaryIndex> keptGlobals = globals.isEmpty() ? null : globals;
    SecondaryIndexes.check(keyElements(source.keySchema()), definitions, keptLocals, keptGlobals, 0);
    refuseNewIndexes(overrides.localSecondaryIndexes(), specifications(source, true, mode));
    refuseNewIndexes(overrides.globalSecondaryIndexes(), specifications(source, false, mode));
    int keyspace = change.allocateKeyspaces(1 + locals.size() + globals.size());
    List<IndexMetadata> indexes = SecondaryIndexes.build(keptLocals, keptGlobals, definitions, mode, keyspace + 1,
        now);
    TableOptions options = TableOptionUpdates.apply(
            TableOptions.DEFAULTS.withTableClass(source.options().tableClass())
                .withOnDemandThroughput(source.options().onDemandThroughput()),
            null, overrides.onDemandThroughput(), null)
        .withRestore(Optional.of(summary));
    TableMetadata restored = new TableMetadata(targetName, keyspace, UUID.randomUUID().toString(),
        source.keySchema(), keyAttributes(definitions), mode, throughput,
        mode == BillingMode.PAY_PER_REQUEST ? Optional.of(now) : Optional.empty(), now, Map.of(), false, indexes,
        null, TimeToLive.NEVER_ENABLED, options);
    change.putTable(restored);
    new RestoreJob(keyspace, targetName, origin).start(change.storage());
    return restored;
  }

  /**
   * Refuses an index override that matches none of the source's indexes of its kind by key schema and projection: a
   * restore keeps or drops indexes, and may rename one, but creates none (the service's words, from the
   * ack-api-quirks lab's catalogue of its messages, 2026-10).
   */
  private static void refuseNewIndexes(@Nullable List<SecondaryIndex> overrides, List<SecondaryIndex> existing) {
    if (overrides == null) {
      return;
    }
    for (SecondaryIndex index : overrides) {
      if (existing.stream().noneMatch(source -> sameShape(index, source))) {
        throw DynamoException.validation("Invalid Request: Index " + index.indexName() + " does not match a"
            + " secondary index that existed in the source table and cannot be created during the restore operation");
      }
    }
  }

  private static boolean sameShape(SecondaryIndex a, SecondaryIndex b) {
    return Objects.equals(a.keySchema(), b.keySchema()) && Objects.equals(a.projectionType(), b.projectionType())
        && nonKeyAttributes(a).equals(nonKeyAttributes(b));
  }

  private static Set<String> nonKeyAttributes(SecondaryIndex index) {
    return index.nonKeyAttributes() == null ? Set.of() : Set.copyOf(index.nonKeyAttributes());
  }

  /**
   * The source's indexes of one kind as index definitions, so kept and overridden indexes are built alike; a kept
   * global index keeps its OnDemandThroughput, as the restored table keeps the source's unless overridden.
   */
  private static List<SecondaryIndex> specifications(TableMetadata source, boolean local, BillingMode mode) {
    List<SecondaryIndex> specifications = new ArrayList<>();
    for (IndexMetadata index : source.indexes()) {
      if (index.local() == local) {
        ProvisionedThroughput t = index.provisionedThroughput();
        Throughput throughput = local || mode == BillingMode.PAY_PER_REQUEST || t.readCapacityUnits() == 0 ? null
            : new Throughput(t.readCapacityUnits(), t.writeCapacityUnits());
        specifications.add(new SecondaryIndex(index.name(), keyElements(index.keySchema()),
            Choice.of(index.projectionType()), index.projectionType() == IndexMetadata.ProjectionType.INCLUDE
                ? index.nonKeyAttributes() : null, true, throughput,
            index.onDemandThroughput().map(bounds -> new OnDemandThroughputSpecification(
                bounds.maxReadRequestUnits(), bounds.maxWriteRequestUnits())).orElse(null)));
      }
    }
    return specifications;
  }

  private static List<KeySchemaElement> keyElements(KeySchema schema) {
    List<KeySchemaElement> elements = new ArrayList<>();
    schema.partitionKeys().forEach(k -> elements.add(new KeySchemaElement(k.name(), Choice.of(KeyType.HASH))));
    schema.sortKeys().forEach(k -> elements.add(new KeySchemaElement(k.name(), Choice.of(KeyType.RANGE))));
    return elements;
  }

  /**
   * The source's attribute definitions that the restored table's keys and indexes use: an index dropped by an
   * override takes its attributes' definitions along, as CreateTable refuses definitions nothing uses.
   */
  private static List<AttributeDefinition> used(TableMetadata source, List<SecondaryIndex> locals,
      List<SecondaryIndex> globals) {
    Set<String> names = new HashSet<>();
    keyElements(source.keySchema()).forEach(k -> names.add(k.attributeName()));
    for (List<SecondaryIndex> indexes : List.of(locals, globals)) {
      for (SecondaryIndex index : indexes) {
        if (index.keySchema() != null) {
          index.keySchema().forEach(k -> names.add(k.attributeName()));
        }
      }
    }
    return source.attributeDefinitions().stream().filter(a -> names.contains(a.name()))
        .map(a -> new AttributeDefinition(a.name(), Choice.of(a.type()))).toList();
  }

  private static List<KeyAttribute> keyAttributes(List<AttributeDefinition> definitions) {
    return definitions.stream().map(d -> new KeyAttribute(Validated.present(d.attributeName()),
        Validated.present(d.attributeType()).known())).toList();
  }
}
