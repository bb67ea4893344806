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
import java.time.temporal.ChronoUnit;
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
    checkOneTime(in);
    TableRestores.refuseUnsupported(in.overrides());
    String sourceName = sourceName(in);
    String target = Validated.present(in.targetTableName());
    Instant now = context.clock().instant();
    TableMetadata table = db.catalog().change(change -> {
      TableMetadata source = DescribeContinuousBackups.requireTable(change, sourceName);
      PointInTimeRecovery recovery = source.options().pointInTimeRecovery()
          .orElseThrow(() -> new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
              "Point in time recovery is not enabled for table '" + sourceName + "'"));
      Instant at = restoreTime(in, recovery, now);
      RestoreSummary summary = new RestoreSummary(Optional.empty(), db.tableArn(sourceName), at, true);
      return TableRestores.create(db, change, target, source, in.overrides(), summary,
          new RestoreOrigin.PointInTime(source.keyspace(), recovery.historyKeyspace(), at));
    });
    db.background().wake(Service.TABLE_RESTORE);
    return Describer.describe(db, table, TableStatus.CREATING);
  }

  /**
   * The source table, named by exactly one of SourceTableArn and SourceTableName (the service's words in the
   * ack-api-quirks lab's catalogue of its messages, where the "Invalid Request: " prefix is not shown).
   */
  private String sourceName(RestoreTableToPointInTimeInput in) {
    String arn = in.sourceTableArn();
    String name = in.sourceTableName();
    if ((arn == null) == (name == null)) {
      throw DynamoException.validation("Invalid Request: Must provide exactly one of: sourceTableArn, sourceTableName");
    }
    return arn != null ? ResourceArns.tableName(db, arn) : Validated.present(name);
  }

  /**
   * Exactly one of RestoreDateTime and UseLatestRestorableTime (true), checked before anything else. The texts are
   * the service's as the ack-api-quirks lab's probes recorded them (2026-10); the capture of the first stops after
   * "Pleas", and its end is the one another emulator completed it with.
   */
  private static void checkOneTime(RestoreTableToPointInTimeInput in) {
    boolean latest = Boolean.TRUE.equals(in.useLatestRestorableTime());
    if (latest && in.restoreDateTime() != null) {
      throw DynamoException.validation("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be"
          + " set for point-in-time restore request. Please specify either RestoreDateTime time or"
          + " UseLatestRestorableTime");
    }
    if (!latest && in.restoreDateTime() == null) {
      throw DynamoException.validation("Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime"
          + " must be specified, but not both");
    }
  }

  /**
   * The instant to restore to, to the millisecond: the latest restorable one, or the one asked for, which must lie
   * within the recovery window (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html).
   * The refusal quotes the instants to the second, as the service's did in the ack-api-quirks lab's probes (whose
   * capture stops after "LatestRestor"; the rest follows the same pattern).
   */
  private static Instant restoreTime(RestoreTableToPointInTimeInput in, PointInTimeRecovery recovery, Instant now) {
    Instant asked = in.restoreDateTime();
    if (asked == null) {
      return now;
    }
    Instant earliest = recovery.earliestRestorable(now);
    if (asked.isBefore(earliest) || asked.isAfter(now)) {
      throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME, "RestoreDateTime '" + seconds(asked)
          + "' must be within EarliestRestorableDateTime '" + seconds(earliest) + "' and LatestRestorableDateTime '"
          + seconds(now) + "'");
    }
    return Instant.ofEpochMilli(asked.toEpochMilli());
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
