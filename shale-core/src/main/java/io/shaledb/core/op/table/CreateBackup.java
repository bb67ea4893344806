package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;

/**
 * CreateBackup: takes an engine snapshot of the table, then records the backup as CREATING in one catalog change,
 * with a keyspace of its own; the {@code BackupCopier} service copies the snapshot's items there and makes it
 * AVAILABLE. The backup therefore holds the table exactly as of one instant between the request's arrival and its
 * answer, however many writes run meanwhile, and no write waits for it.
 */
public final class CreateBackup implements Operation<CreateBackupInput, Backup> {
  private final Database db;

  public CreateBackup(Database db) {
    this.db = db;
  }

  @Override
  public void validate(CreateBackupInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("tableName", in.tableName()).length("tableName", in.tableName(), 1, BackupArns.MAX_LENGTH);
    v.notNull("backupName", in.backupName());
    TableNames.declared(v, "backupName", in.backupName());
    v.throwIfAny();
  }

  @Override
  public Backup execute(CreateBackupInput in, RequestContext context) {
    String tableName = BackupArns.tableName(db, Validated.present(in.tableName()));
    TableMetadata table = db.catalog().find(tableName).orElseThrow(() -> tableNotFound(tableName));
    Instant now = db.clock().instant();
    String arn = BackupArns.next(db, tableName, now);
    db.backupCopies().begin(arn, db.storage().snapshot(), table.keyspace(),
        KeyCodec.keyspaceRange(table.keyspace()).start());
    try {
      Backup backup = db.catalog().change(change -> {
        // A table still being restored is not found, as DynamoDB answers for a table still CREATING.
        TableMetadata current = change.table(tableName)
            .filter(t -> t.keyspace() == table.keyspace() && !t.restoring())
            .orElseThrow(() -> tableNotFound(tableName));
        Backup created = Backup.user(arn, Validated.present(in.backupName()), now, change.allocateKeyspaces(1),
            db.tableArn(tableName), current);
        Backups.put(change.storage(), created);
        return created;
      });
      db.background().wake(Service.BACKUP_COPY);
      return backup;
    } catch (RuntimeException e) {
      db.backupCopies().end(arn);
      throw e;
    }
  }

  static DynamoException tableNotFound(String tableName) {
    return new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName);
  }
}
