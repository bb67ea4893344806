package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.history.TableAtInstant;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.schema.TimeToLive;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RestoreTableToPointInTime: a new table holding the source table's items as they were at an instant within its
 * recovery window, read from one snapshot as the current items merged with their history ({@link TableAtInstant}).
 *
 * <p>The new table has the source's key schema, attribute definitions, billing, capacity, indexes and table class;
 * as in DynamoDB it has no stream, time to live, tags or point-in-time recovery of its own
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html). The items
 * are written through the write pipeline in batches, so indexes, item collections and statistics are kept as for any
 * write; the copy runs within the request, and the overrides are refused until the restore job of on-demand backups
 * takes this copy over.
 */
public final class RestoreTableToPointInTime implements Operation<RestoreTableToPointInTimeInput, TableDescription> {
  private static final int ITEMS_PER_BATCH = 100;
  /** Far beyond any instant a clock reads, and small enough that its milliseconds fit in a long. */
  private static final BigDecimal LATEST_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);
  private final Database db;
  private final WritePipeline writes;

  public RestoreTableToPointInTime(Database db) {
    this.db = db;
    this.writes = new WritePipeline(db);
  }

  @Override
  public void validate(RestoreTableToPointInTimeInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("targetTableName", in.targetTableName())
        .length("targetTableName", in.targetTableName(), TableNames.MIN_LENGTH, TableNames.MAX_LENGTH);
    TableNames.pattern(v, "targetTableName", in.targetTableName());
    v.length("sourceTableName", in.sourceTableName(), TableNames.MIN_LENGTH, TableNames.MAX_LENGTH);
    TableNames.pattern(v, "sourceTableName", in.sourceTableName());
    v.length("sourceTableArn", in.sourceTableArn(), 1, 1024);
    v.throwIfAny();
  }

  @Override
  public TableDescription execute(RestoreTableToPointInTimeInput in, RequestContext context) {
    List<String> overrides = Validated.present(in.overrides());
    if (!overrides.isEmpty()) {
      throw DynamoException.validation("ShaleDB does not support " + String.join(", ", overrides)
          + " in point-in-time restores yet");
    }
    TableMetadata source = source(in);
    PointInTimeRecovery recovery = source.options().pointInTimeRecovery()
        .orElseThrow(() -> new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
            "Point in time recovery has not yet been enabled for this source table."));
    Instant now = context.clock().instant();
    long atMillis = restoreMillis(in, recovery, now);
    String targetName = Validated.present(in.targetTableName());
    try (Snapshot snapshot = db.storage().snapshot()) {
      TableMetadata target = create(source, targetName, now);
      copy(snapshot, source, recovery, atMillis, target, RequestContext.service(context.clock()));
      return Describer.describe(db, target, TableStatus.CREATING);
    }
  }

  private TableMetadata source(RestoreTableToPointInTimeInput in) {
    String arn = in.sourceTableArn();
    String name = in.sourceTableName();
    if (arn != null) {
      return ResourceArns.existingTable(db, arn);
    }
    if (name == null) {
      throw DynamoException.validation("Either SourceTableArn or SourceTableName must be given");
    }
    return DescribeContinuousBackups.requireTable(db, name);
  }

  /**
   * The instant to restore to, in epoch milliseconds: the latest restorable one, or the one asked for, which must
   * lie within the recovery window (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html).
   */
  private static long restoreMillis(RestoreTableToPointInTimeInput in, PointInTimeRecovery recovery, Instant now) {
    if (Boolean.TRUE.equals(in.useLatestRestorableTime())) {
      return now.toEpochMilli();
    }
    BigDecimal seconds = in.restoreDateTime();
    long earliest = recovery.earliestRestorable(now).toEpochMilli();
    long latest = now.toEpochMilli();
    // Compared before scaling: a number such as 1E+999999999 must not become a billion-digit integer.
    long millis = seconds != null && seconds.abs().compareTo(LATEST_SECONDS) <= 0
        ? seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact()
        : Long.MIN_VALUE;
    if (millis < earliest || millis > latest) {
      throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME, "An invalid restore time was specified."
          + " RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.");
    }
    return millis;
  }

  /** The new table, made in one catalog change with fresh keyspaces for it and its indexes. */
  private TableMetadata create(TableMetadata source, String targetName, Instant now) {
    return db.catalog().change(change -> {
      if (change.table(targetName).isPresent()) {
        throw new DynamoException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + targetName);
      }
      int keyspace = change.allocateKeyspaces(1 + source.indexes().size());
      List<IndexMetadata> indexes = new ArrayList<>(source.indexes().size());
      for (IndexMetadata index : source.indexes()) {
        indexes.add(new IndexMetadata(index.name(), keyspace + 1 + indexes.size(), index.local(), index.keySchema(),
            index.projectionType(), index.nonKeyAttributes(), IndexMetadata.IndexStatus.ACTIVE,
            index.provisionedThroughput(), now));
      }
      TableMetadata target = new TableMetadata(targetName, keyspace, UUID.randomUUID().toString(),
          source.keySchema(), source.attributeDefinitions(), source.billingMode(), source.provisionedThroughput(),
          source.lastUpdateToPayPerRequest(), now, Map.of(), false, indexes, null, TimeToLive.NEVER_ENABLED,
          TableOptions.DEFAULTS.withTableClass(source.options().tableClass()));
      change.putTable(target);
      return target;
    });
  }

  /** Writes the source's items as of {@code atMillis} into the target, a batch at a time. */
  private void copy(Snapshot snapshot, TableMetadata source, PointInTimeRecovery recovery, long atMillis,
      TableMetadata target, RequestContext context) {
    byte[] from = KeyCodec.keyspaceRange(source.keyspace()).start();
    boolean more = true;
    while (more) {
      List<ItemWrite> batch = new ArrayList<>(ITEMS_PER_BATCH);
      try (TableAtInstant items = TableAtInstant.open(snapshot, source.keyspace(), recovery.historyKeyspace(),
          atMillis, from)) {
        while (batch.size() < ITEMS_PER_BATCH && items.next()) {
          byte[] key = items.key();
          batch.add(ItemWrite.put(target, inKeyspace(key, target.keyspace()), WriteCondition.NONE,
              ItemCodec.decode(items.value())));
          from = KeyRange.after(key);
        }
        more = batch.size() == ITEMS_PER_BATCH;
      }
      if (!batch.isEmpty()) {
        writes.writeBatch(context, batch);
      }
    }
  }

  private static byte[] inKeyspace(byte[] itemKey, int keyspace) {
    byte[] key = itemKey.clone();
    ByteBuffer.wrap(key).putInt(keyspace);
    return key;
  }
}
