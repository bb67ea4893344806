package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the keys of dropped keyspaces (deleted tables and indexes, streams past retention): the keyspace's own
 * range and the system keys it owns, then its drop marker, so removal resumes after a crash. Nothing reads or writes
 * a dropped keyspace any more (ids are never reused), which is what lets its keys go by range; the readers left, a
 * backup still copying a table deleted meanwhile and a restore to a point in time of a table deleted meanwhile,
 * hold the keyspaces they read until they end.
 */
public final class KeyspaceReclaimer implements BackgroundService {
  private static final int KEYSPACES_PER_PASS = 16;

  private final Database db;

  public KeyspaceReclaimer(Database db) {
    this.db = db;
  }

  @Override
  public boolean runPass() {
    List<byte[]> markers = new ArrayList<>();
    List<RestoreJob> restores;
    try (Snapshot snapshot = db.storage().snapshot()) {
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.DROPPED), false)) {
        while (markers.size() < KEYSPACES_PER_PASS && cursor.next()) {
          markers.add(cursor.key());
        }
      }
      restores = markers.isEmpty() ? List.of() : RestoreJob.all(snapshot);
    }
    for (byte[] marker : markers) {
      int keyspace = SystemKeyspace.owner(marker);
      if (db.backupCopies().reading(keyspace) || restores.stream().anyMatch(job -> job.origin().reads(keyspace))) {
        continue;
      }
      db.storage().clearRange(KeyCodec.keyspaceRange(keyspace));
      for (KeyRange owned : SystemKeyspace.ownedBy(keyspace)) {
        db.storage().clearRange(owned);
      }
      try (Transaction tx = db.storage().begin()) {
        tx.delete(marker);
        tx.commit();
      }
    }
    return markers.size() == KEYSPACES_PER_PASS;
  }
}
