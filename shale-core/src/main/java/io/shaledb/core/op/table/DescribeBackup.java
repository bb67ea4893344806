package io.shaledb.core.op.table;

import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.ConstraintViolations;

/** DescribeBackup: a backup's descriptor, whether or not its table still exists. */
public final class DescribeBackup implements Operation<String, Backup> {
  private final Database db;

  public DescribeBackup(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String backupArn) {
    BackupArns.checkDeclared(new ConstraintViolations(), "backupArn", backupArn).throwIfAny();
  }

  @Override
  public Backup execute(String arn, RequestContext context) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      return Backups.find(snapshot, arn).orElseThrow(() -> BackupArns.notFound(arn));
    }
  }
}
