package io.shaledb.core.backup;

import io.shaledb.core.backup.RestoreOrigin.FromBackup;
import io.shaledb.core.backup.RestoreOrigin.PointInTime;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;

/** Opens what a restore reads from, by its origin. */
public final class RestoreSources {
  private RestoreSources() {}

  /**
   * @throws IllegalStateException when the origin is gone (a backup in use by a restore cannot be deleted, so this
   *     is a bug)
   */
  public static RestoreSource open(StorageEngine storage, RestoreOrigin origin) {
    return switch (origin) {
      case FromBackup backup -> {
        try (Snapshot snapshot = storage.snapshot()) {
          Backup found = Backups.find(snapshot, backup.backupArn())
              .orElseThrow(() -> new IllegalStateException("the restored backup is gone: " + backup.backupArn()));
          yield new BackupSource(storage, found.keyspace());
        }
      }
      case PointInTime pointInTime -> new PointInTimeSource(storage, pointInTime.tableKeyspace(),
          pointInTime.historyKeyspace(), pointInTime.at().toEpochMilli());
    };
  }
}
