package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.Optional;

/**
 * UpdateContinuousBackups: turns point-in-time recovery on (with a recovery period of 1 to 35 days, 35 when none is
 * named) or off, in one catalog change. Turning it on allocates the table's history keyspace, which every write
 * fills from then on (so nothing before that instant can be restored); naming another period while it is on keeps
 * the history and changes what the reclaimer keeps; turning it off drops the history, as DynamoDB forgets it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html). A restore
 * to a point in time of the table still running then cannot be completed (the history stops while the items change
 * on), so it is abandoned and its table goes.
 */
public final class UpdateContinuousBackups implements Operation<UpdateContinuousBackupsInput, ContinuousBackupsOutput> {
  private static final long MAX_RECOVERY_DAYS = 35;
  private final Database db;

  public UpdateContinuousBackups(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UpdateContinuousBackupsInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    if (!in.specificationPresent()) {
      v.notNull("pointInTimeRecoverySpecification", null);
    } else {
      v.notNull("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled", in.pointInTimeRecoveryEnabled())
          .range("pointInTimeRecoverySpecification.recoveryPeriodInDays", in.recoveryPeriodInDays(), 1,
              MAX_RECOVERY_DAYS);
    }
    v.throwIfAny();
    if (Boolean.FALSE.equals(in.pointInTimeRecoveryEnabled()) && in.recoveryPeriodInDays() != null) {
      throw DynamoException.validation(
          "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
    }
  }

  @Override
  public ContinuousBackupsOutput execute(UpdateContinuousBackupsInput in, RequestContext context) {
    String tableName = Validated.present(in.tableName());
    boolean enable = Validated.present(in.pointInTimeRecoveryEnabled());
    Instant now = context.clock().instant();
    TableMetadata changed = db.catalog().change(change -> {
      TableMetadata table = DescribeContinuousBackups.requireTable(change, tableName);
      Optional<PointInTimeRecovery> current = table.options().pointInTimeRecovery();
      Optional<PointInTimeRecovery> next;
      if (!enable) {
        current.ifPresent(recovery -> {
          TableRestores.abandonReading(change, recovery.historyKeyspace());
          change.dropKeyspace(recovery.historyKeyspace());
        });
        next = Optional.empty();
      } else {
        Long named = in.recoveryPeriodInDays();
        int days = named != null ? named.intValue()
            : current.map(PointInTimeRecovery::recoveryPeriodDays)
                .orElse(PointInTimeRecovery.DEFAULT_RECOVERY_PERIOD_DAYS);
        next = Optional.of(current
            .map(recovery -> new PointInTimeRecovery(recovery.historyKeyspace(), recovery.enabledAt(), days))
            .orElseGet(() -> new PointInTimeRecovery(change.allocateKeyspaces(1), now, days)));
      }
      TableMetadata updated = table.withOptions(table.options().withPointInTimeRecovery(next));
      if (!next.equals(current)) {
        change.putTable(updated);
      }
      return updated;
    });
    if (!enable) {
      db.background().wake(Service.KEYSPACE_RECLAIM);
    }
    return ContinuousBackupsOutput.of(changed, now);
  }
}
