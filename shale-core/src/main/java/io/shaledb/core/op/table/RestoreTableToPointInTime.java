package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.RestoreSummary;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.Optional;

/**
 * RestoreTableToPointInTime: a new table holding the source table's items as they were at an instant within its
 * recovery window. One catalog change checks the source still keeps its history and creates the target as CREATING
 * from the source's current schema, with the overrides ({@link TableRestores#create}); the {@code TableRestorer}
 * service copies the table at that instant (its items merged with their history, {@code PointInTimeSource}) into it
 * and makes it ACTIVE. As in DynamoDB the new table has no stream, time to live, tags or point-in-time recovery of
 * its own (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html).
 */
public final class RestoreTableToPointInTime implements Operation<RestoreTableToPointInTimeInput, TableDescription> {
  private final Database db;

  public RestoreTableToPointInTime(Database db) {
    this.db = db;
  }

  @Override
  public void validate(RestoreTableToPointInTimeInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("targetTableName", in.targetTableName());
    TableNames.declared(v, "targetTableName", in.targetTableName());
    TableNames.declared(v, "sourceTableName", in.sourceTableName());
    v.length("sourceTableArn", in.sourceTableArn(), 1, 1024);
    TableRestores.checkDeclared(v, in.overrides());
    v.throwIfAny();
  }

  @Override
  public TableDescription execute(RestoreTableToPointInTimeInput in, RequestContext context) {
    TableRestores.refuseUnsupported(in.overrides());
    String sourceName = sourceName(in);
    String target = Validated.present(in.targetTableName());
    Instant now = context.clock().instant();
    TableMetadata table = db.catalog().change(change -> {
      TableMetadata source = change.table(sourceName)
          .orElseThrow(() -> DescribeContinuousBackups.tableNotFound(sourceName));
      PointInTimeRecovery recovery = source.options().pointInTimeRecovery()
          .orElseThrow(() -> new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
              "Point in time recovery has not yet been enabled for this source table."));
      Instant at = restoreTime(in, recovery, now);
      RestoreSummary summary = new RestoreSummary(Optional.empty(), db.tableArn(sourceName), at, true);
      return TableRestores.create(db, change, target, source, in.overrides(), summary,
          new RestoreOrigin.PointInTime(source.keyspace(), recovery.historyKeyspace(), at));
    });
    db.background().wake(Service.TABLE_RESTORE);
    return Describer.describe(db, table, TableStatus.CREATING);
  }

  private String sourceName(RestoreTableToPointInTimeInput in) {
    String arn = in.sourceTableArn();
    if (arn != null) {
      return ResourceArns.existingTable(db, arn).name();
    }
    String name = in.sourceTableName();
    if (name == null) {
      throw DynamoException.validation("Either SourceTableArn or SourceTableName must be given");
    }
    return name;
  }

  /**
   * The instant to restore to, to the millisecond: the latest restorable one, or the one asked for, which must lie
   * within the recovery window (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html).
   */
  private static Instant restoreTime(RestoreTableToPointInTimeInput in, PointInTimeRecovery recovery, Instant now) {
    if (Boolean.TRUE.equals(in.useLatestRestorableTime())) {
      return now;
    }
    Instant asked = in.restoreDateTime();
    if (asked == null || asked.isBefore(recovery.earliestRestorable(now)) || asked.isAfter(now)) {
      throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME, "An invalid restore time was specified."
          + " RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.");
    }
    return Instant.ofEpochMilli(asked.toEpochMilli());
  }
}
