package io.shaledb.core.op.table;

import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.validate.ConstraintViolations;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Backup ARNs and the rules shared by the backup operations. DynamoDB's backup ARNs are the table's ARN followed by
 * {@code /backup/}, the creation time in milliseconds (14 digits, zero-padded) and 8 random hexadecimal digits
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Backup-and-Restore.html shows
 * {@code .../table/Music/backup/01489173575360-b308cd7d}); a SYSTEM backup's tail is {@code 00000000}. The texts of
 * the in-use errors are those the service answered in the ack-api-quirks lab's probes of DynamoDB (2026-10); the
 * not-found text is moto's ({@code moto/dynamodb/exceptions.py}), which no capture of the service confirms.
 */
final class BackupArns {
  /** The bounds on a BackupArn, as the API reference declares them. */
  static final int MIN_LENGTH = 37;
  static final int MAX_LENGTH = 1024;

  private BackupArns() {}

  static String next(Database db, String tableName, Instant now) {
    return db.tableArn(tableName) + "/backup/" + String.format("%014d", now.toEpochMilli()) + "-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** The ARN of the SYSTEM backup kept of table {@code tableName} deleted at {@code now}. */
  static String system(Database db, String tableName, Instant now) {
    return db.tableArn(tableName) + "/backup/" + String.format("%014d", now.toEpochMilli()) + "-00000000";
  }

  static ConstraintViolations checkDeclared(ConstraintViolations v, String path, @Nullable String arn) {
    return v.notNull(path, arn).length(path, arn, MIN_LENGTH, MAX_LENGTH);
  }

  /** The part of a backup ARN after {@code /backup/}: the creation time, then a random tail, so it sorts by time. */
  static String id(String arn) {
    int at = arn.lastIndexOf("/backup/");
    return at < 0 ? arn : arn.substring(at + "/backup/".length());
  }

  /** The table a backup operation names by TableName, which may also be the table's ARN. */
  static String tableName(Database db, String nameOrArn) {
    return nameOrArn.startsWith("arn:") ? ResourceArns.tableName(db, nameOrArn) : nameOrArn;
  }

  static DynamoException notFound(String arn) {
    return new DynamoException(ErrorCode.BACKUP_NOT_FOUND, "Backup not found: " + arn);
  }

  /** A backup still being created, which nothing may restore or delete yet (ShaleDB's words; no capture has one). */
  static DynamoException creating(Backup backup) {
    return new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being created: " + backup.arn());
  }

  /** RestoreTableFromBackup of a backup another restore reads. */
  static DynamoException restoringAnother(Backup backup) {
    return new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being used to restore another table: "
        + backup.arn());
  }

  /** DeleteBackup of a backup a restore reads. */
  static DynamoException restoring(Backup backup) {
    return new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being used to restore table: " + backup.arn());
  }

  /** Whether a restore in progress reads {@code backup}. */
  static boolean restoring(KvReader reader, Backup backup) {
    return RestoreJob.anyReads(reader, new RestoreOrigin.FromBackup(backup.arn()));
  }
}
