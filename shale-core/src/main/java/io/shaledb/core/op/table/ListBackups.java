package io.shaledb.core.op.table;

import io.shaledb.core.api.BackupTypeFilter;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupType;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * ListBackups: the backups that pass every filter given (table, creation time range with an inclusive lower and an
 * exclusive upper bound, type: USER when absent), oldest first, a page of at most Limit (100 when absent), and
 * LastEvaluatedBackupArn when more follow
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html). Pages are ordered by the
 * ARN's backup id (creation time, then a random tail), so ExclusiveStartBackupArn resumes right after that backup even
 * if it was deleted meanwhile. Backups of deleted tables are listed: a backup outlives its table.
 */
public final class ListBackups implements Operation<ListBackupsInput, ListBackupsOutput> {
  private static final int MAX_LIMIT = 100;
  private static final Comparator<String> BY_ID = Comparator.comparing(BackupArns::id);

  private final Database db;

  public ListBackups(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ListBackupsInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.length("tableName", in.tableName(), TableNames.MIN_LENGTH, BackupArns.MAX_LENGTH)
        .range("limit", in.limit(), 1, MAX_LIMIT)
        .length("exclusiveStartBackupArn", in.exclusiveStartBackupArn(), BackupArns.MIN_LENGTH,
            BackupArns.MAX_LENGTH)
        .oneOf("backupType", in.backupType(), BackupTypeFilter.values());
    v.throwIfAny();
  }

  @Override
  public ListBackupsOutput execute(ListBackupsInput in, RequestContext context) {
    Predicate<Backup> wanted = filter(in);
    List<Backup> matching;
    try (Snapshot snapshot = db.storage().snapshot()) {
      matching = Backups.all(snapshot).stream().filter(wanted)
          .sorted(Comparator.comparing(Backup::arn, BY_ID)).toList();
    }
    int limit = in.limit() == null ? MAX_LIMIT : in.limit().intValue();
    List<Backup> page = matching.stream().limit(limit).toList();
    String last = matching.size() > limit ? page.getLast().arn() : null;
    return new ListBackupsOutput(page, last);
  }

  private Predicate<Backup> filter(ListBackupsInput in) {
    Predicate<Backup> wanted = backup -> true;
    if (in.tableName() != null) {
      String table = BackupArns.tableName(db, in.tableName());
      wanted = wanted.and(backup -> backup.table().name().equals(table));
    }
    Instant lower = in.timeRangeLowerBound();
    if (lower != null) {
      wanted = wanted.and(backup -> !backup.creationDateTime().isBefore(lower));
    }
    Instant upper = in.timeRangeUpperBound();
    if (upper != null) {
      wanted = wanted.and(backup -> backup.creationDateTime().isBefore(upper));
    }
    BackupTypeFilter type = Choice.valueOr(in.backupType(), BackupTypeFilter.USER);
    wanted = wanted.and(backup -> listed(type, backup.type()));
    String start = in.exclusiveStartBackupArn();
    if (start != null) {
      wanted = wanted.and(backup -> BY_ID.compare(backup.arn(), start) > 0);
    }
    return wanted;
  }

  private static boolean listed(BackupTypeFilter filter, BackupType type) {
    return switch (filter) {
      case USER -> type == BackupType.USER;
      case SYSTEM -> type == BackupType.SYSTEM;
      case AWS_BACKUP -> type == BackupType.AWS_BACKUP;
      case ALL -> true;
    };
  }
}
