package io.shaledb.core.op.table;

import io.shaledb.core.backup.Backup;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of backups, and the last one's ARN when more follow. */
public record ListBackupsOutput(List<Backup> backups, @Nullable String lastEvaluatedBackupArn) {
  public ListBackupsOutput {
    backups = List.copyOf(backups);
  }
}
