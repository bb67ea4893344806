package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * DeleteBackup, as one catalog change: the descriptor goes and the backup's keyspace is dropped (its items are
 * removed in the background). A backup still being created, or being restored from, is in use and stays.
 */
public final class DeleteBackup implements Operation<String, Backup> {
  private final Database db;

  public DeleteBackup(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String backupArn) {
    BackupArns.checkDeclared(new ConstraintViolations(), "backupArn", backupArn).throwIfAny();
  }

  @Override
  public Backup execute(String arn, RequestContext context) {
    Backup deleted = db.catalog().change(change -> {
      Backup backup = Backups.find(change.storage(), arn).orElseThrow(() -> BackupArns.notFound(arn));
      RestoreOrigin origin = new RestoreOrigin.FromBackup(arn);
      if (backup.status() == BackupStatus.CREATING
          || RestoreJob.all(change.storage()).stream().anyMatch(job -> job.origin().equals(origin))) {
        throw BackupArns.inUse(backup);
      }
      Backups.delete(change.storage(), backup);
      change.dropKeyspace(backup.keyspace());
      return backup.deleted();
    });
    db.background().wake(Service.KEYSPACE_RECLAIM);
    return deleted;
  }
}
