package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupCopies.Copy;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.backup.Backups;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

/**
 * Fills backups being created: copies the source table's items, as the snapshot taken by CreateBackup sees them, into
 * the backup's keyspace, in batches of one transaction each, then makes the backup AVAILABLE with its size and item
 * count in one catalog change. Writers are never blocked: they commit past the snapshot, which keeps the versions the
 * copy still needs (on RocksDB, a snapshot pins them at the cost of compaction keeping them a little longer).
 *
 * <p>An engine snapshot does not outlive its process, so where the copy stands is kept with it in memory
 * ({@code BackupCopies}) rather than in the system keyspace. A backup found CREATING without a copy in this process
 * was interrupted by a restart: its partial copy is cleared and it starts again from a fresh snapshot, whose instant
 * becomes the backup's creation time; if its table was deleted meanwhile there is nothing left to copy from, and the
 * backup is deleted.
 */
public final class BackupCopier implements BackgroundService {
  private static final System.Logger LOG = System.getLogger(BackupCopier.class.getName());
  /** Items per transaction at most: a few hundred kilobytes of typical items, and one commit per batch. */
  static final int BATCH = 1024;
  /** Bytes per transaction at most, so a batch of large items (up to 400 KB each) stays a modest commit. */
  static final long BATCH_BYTES = 4L << 20;

  private final Database db;

  public BackupCopier(Database db) {
    this.db = db;
  }

  @Override
  public boolean runPass() {
    Optional<Backup> creating;
    try (Snapshot snapshot = db.storage().snapshot()) {
      creating = Backups.all(snapshot).stream().filter(b -> b.status() == BackupStatus.CREATING).findFirst();
    }
    if (creating.isEmpty()) {
      return false;
    }
    Backup backup = creating.get();
    Optional<Copy> copy = db.backupCopies().find(backup.arn());
    if (copy.isPresent()) {
      copyBatch(backup, copy.get());
    } else {
      startAgain(backup);
    }
    return true;
  }

  private void copyBatch(Backup backup, Copy copy) {
    KeyRange source = KeyCodec.keyspaceRange(backup.table().keyspace());
    int items = 0;
    long bytes = 0;
    byte[] last = null;
    try (Transaction tx = db.storage().begin();
        KvCursor cursor = copy.snapshot().scan(new KeyRange(copy.position(), source.end()), false)) {
      while (items < BATCH && bytes < BATCH_BYTES && cursor.next()) {
        last = cursor.key();
        byte[] value = cursor.value();
        tx.put(ByteBuffer.allocate(last.length).putInt(backup.keyspace())
            .put(last, KeyCodec.KEYSPACE_BYTES, last.length - KeyCodec.KEYSPACE_BYTES).array(), value);
        bytes += ItemCodec.itemSize(value);
        items++;
      }
      if (last == null) {
        complete(backup, copy);
        return;
      }
      tx.commit();
    }
    copy.advance(KeyRange.after(last), items, bytes);
  }

  private void complete(Backup backup, Copy copy) {
    db.catalog().change(change -> {
      Backups.find(change.storage(), backup.arn()).filter(b -> b.status() == BackupStatus.CREATING)
          .ifPresent(b -> Backups.put(change.storage(), b.available(copy.bytes(), copy.items())));
      return null;
    });
    db.backupCopies().end(backup.arn());
  }

  private void startAgain(Backup backup) {
    db.storage().clearRange(KeyCodec.keyspaceRange(backup.keyspace()));
    Snapshot snapshot = db.storage().snapshot();
    Instant now = db.clock().instant();
    boolean copying = false;
    try {
      copying = db.catalog().change(change -> {
        Optional<Backup> current = Backups.find(change.storage(), backup.arn())
            .filter(b -> b.status() == BackupStatus.CREATING);
        if (current.isEmpty()) {
          return false;
        }
        boolean tableThere = change.table(backup.table().name())
            .filter(table -> table.keyspace() == backup.table().keyspace()).isPresent();
        if (tableThere) {
          Backups.put(change.storage(), current.get().recopied(now));
        } else {
          Backups.delete(change.storage(), current.get());
          change.dropKeyspace(backup.keyspace());
        }
        return tableThere;
      });
      if (copying) {
        LOG.log(Level.INFO, "backup {0} was interrupted by a restart; copying it again as of {1}", backup.arn(),
            now);
        db.backupCopies().begin(backup.arn(), snapshot, backup.table().keyspace(),
            KeyCodec.keyspaceRange(backup.table().keyspace()).start());
      } else {
        LOG.log(Level.WARNING, "backup {0} was interrupted by a restart after its table was deleted; it is gone",
            backup.arn());
      }
    } finally {
      if (!copying) {
        snapshot.close();
      }
    }
  }
}
