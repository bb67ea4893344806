package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.background.Service;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.op.Database;
import io.shaledb.core.storage.Snapshot;
import java.time.Instant;
import java.util.List;

/**
 * Deletes backups past their expiry (the SYSTEM backups of deleted tables, 35 days after the deletion), as
 * DeleteBackup would: the descriptor goes and the keyspace is dropped in one catalog change. A backup a restore still
 * reads stays until that restore ends.
 */
public final class BackupExpiry implements BackgroundService {
  private final Database db;

  public BackupExpiry(Database db) {
    this.db = db;
  }

  @Override
  public boolean runPass() {
    Instant now = db.clock().instant();
    List<Backup> expired;
    try (Snapshot snapshot = db.storage().snapshot()) {
      expired = Backups.all(snapshot).stream().filter(backup -> backup.expired(now)).toList();
    }
    for (Backup backup : expired) {
      db.catalog().change(change -> {
        if (!RestoreJob.anyReads(change.storage(), new RestoreOrigin.FromBackup(backup.arn()))
            && Backups.find(change.storage(), backup.arn()).isPresent()) {
          Backups.delete(change.storage(), backup);
          change.dropKeyspace(backup.keyspace());
        }
        return null;
      });
    }
    if (!expired.isEmpty()) {
      db.background().wake(Service.KEYSPACE_RECLAIM);
    }
    return false;
  }
}
