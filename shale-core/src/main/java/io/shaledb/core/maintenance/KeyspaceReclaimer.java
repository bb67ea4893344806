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

  /**
   * Reclaims up to {@link #KEYSPACES_PER_PASS} keyspaces that no reader holds. Held keyspaces are stepped over, not
   * counted, so that a few held ones neither keep the service busy re-reading them nor starve the markers behind
   * them.
   */
  @Override
  public boolean runPass() {
    List<byte[]> reclaimable = new ArrayList<>();
    boolean more = false;
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.DROPPED), false)) {
      List<RestoreJob> restores = null;
      while (cursor.next()) {
        byte[] marker = cursor.key();
        if (restores == null) {
          restores = RestoreJob.all(snapshot);
        }
        if (held(SystemKeyspace.owner(marker), restores)) {
          continue;
        }
        if (reclaimable.size() == KEYSPACES_PER_PASS) {
          more = true;
          break;
        }
        reclaimable.add(marker);
      }
    }
    for (byte[] marker : reclaimable) {
      reclaim(marker);
    }
    return more;
  }

  private boolean held(int keyspace, List<RestoreJob> restores) {
    return db.backupCopies().reading(keyspace) || restores.stream().anyMatch(job -> job.origin().reads(keyspace));
  }

  private void reclaim(byte[] marker) {
    int keyspace = SystemKeyspace.owner(marker);
    db.storage().clearRange(KeyCodec.keyspaceRange(keyspace));
    for (KeyRange owned : SystemKeyspace.ownedBy(keyspace)) {
      db.storage().clearRange(owned);
    }
    try (Transaction tx = db.storage().begin()) {
      tx.delete(marker);
      tx.commit();
    }
  }
}
