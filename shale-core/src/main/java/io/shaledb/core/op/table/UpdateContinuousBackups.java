package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;

/**
 * UpdateContinuousBackups. Turning point-in-time recovery off is what every table already is, and is answered with
 * the description. Turning it on is refused with DynamoDB's ContinuousBackupsUnavailableException ("Backups have not
 * yet been enabled for this table", the API reference's words for it), because ShaleDB keeps no history to restore
 * from: answering ENABLED would promise restores that cannot happen. DescribeContinuousBackups says the same, with
 * recovery DISABLED. The AWS provider for Terraform retries this error only while its message says backups
 * "are being enabled", so an apply that asks for recovery fails at once, saying why.
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
  }

  @Override
  public ContinuousBackupsOutput execute(UpdateContinuousBackupsInput in, RequestContext context) {
    DescribeContinuousBackups.requireTable(db, Validated.present(in.tableName()));
    if (Validated.present(in.pointInTimeRecoveryEnabled())) {
      throw new DynamoException(ErrorCode.CONTINUOUS_BACKUPS_UNAVAILABLE,
          "Backups have not yet been enabled for this table.");
    }
    return ContinuousBackupsOutput.ON_DEMAND_ONLY;
  }
}
