package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.RestoreSummary;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * RestoreTableFromBackup: in one catalog change, checks the backup is AVAILABLE and the target name free, and
 * creates the target table as CREATING from the backup's copy of the source table's metadata
 * ({@link TableRestores#create}); the {@code TableRestorer} service copies the backup's items into it and makes it
 * ACTIVE. The answer describes the table as CREATING with its RestoreSummary in progress.
 */
public final class RestoreTableFromBackup implements Operation<RestoreTableFromBackupInput, TableDescription> {
  private final Database db;

  public RestoreTableFromBackup(Database db) {
    this.db = db;
  }

  @Override
  public void validate(RestoreTableFromBackupInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("targetTableName", in.targetTableName());
    TableNames.declared(v, "targetTableName", in.targetTableName());
    BackupArns.checkDeclared(v, "backupArn", in.backupArn());
    TableRestores.checkDeclared(v, in.overrides());
    v.throwIfAny();
  }

  @Override
  public TableDescription execute(RestoreTableFromBackupInput in, RequestContext context) {
    TableRestores.refuseUnsupported(in.overrides());
    String arn = Validated.present(in.backupArn());
    String target = Validated.present(in.targetTableName());
    TableMetadata table = db.catalog().change(change -> {
      Backup backup = Backups.find(change.storage(), arn).orElseThrow(() -> BackupArns.notFound(arn));
      if (backup.status() != BackupStatus.AVAILABLE) {
        throw BackupArns.creating(backup);
      }
      if (BackupArns.restoring(change.storage(), backup)) {
        throw BackupArns.restoringAnother(backup);
      }
      RestoreSummary summary = new RestoreSummary(Optional.of(arn), backup.tableArn(), backup.creationDateTime(),
          true);
      return TableRestores.create(db, change, target, backup.table(), in.overrides(), summary,
          new RestoreOrigin.FromBackup(arn));
    });
    db.background().wake(Service.TABLE_RESTORE);
    return Describer.describe(db, table, TableStatus.CREATING);
  }
}
