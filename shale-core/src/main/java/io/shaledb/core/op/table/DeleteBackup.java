package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.backup.BackupType;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * DeleteBackup, as one catalog change: the descriptor goes and the backup's keyspace is dropped (its items are
 * removed in the background). A backup still being created, or being restored from, is in use and stays. A SYSTEM
 * backup cannot be deleted: it expires (the refusal's words are the service's, from the ack-api-quirks lab's probes;
 * how it writes the expiry instant is cut off there, so ISO-8601 is ShaleDB's choice).
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
      if (backup.type() == BackupType.SYSTEM) {
        throw DynamoException.validation("Invalid Request: User is not allowed to delete the system backup with arn "
            + arn + ". It will automatically expire on " + backup.expiryDateTime().orElseThrow());
      }
      if (backup.status() == BackupStatus.CREATING) {
        throw BackupArns.creating(backup);
      }
      if (BackupArns.restoring(change.storage(), backup)) {
        throw BackupArns.restoring(backup);
      }
      Backups.delete(change.storage(), backup);
      change.dropKeyspace(backup.keyspace());
      return backup.deleted();
    });
    db.background().wake(Service.KEYSPACE_RECLAIM);
    return deleted;
  }
}
