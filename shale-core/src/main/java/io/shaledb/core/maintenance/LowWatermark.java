package io.shaledb.core.maintenance;

import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.stream.StreamLog;
import java.util.OptionalLong;

/**
 * This region's low watermark for a replicated table (docs/global-tables.md, "Deletes and tombstones"): every change
 * made here with an earlier stamp has been acknowledged by every replica, and changes made from now on are stamped
 * no earlier. It is the earliest stamp among this region's changes that some replica has not acknowledged (the first
 * of them after each replica's stream position), or the clock when every replica has them all.
 */
final class LowWatermark {
  /** Stream records read after one replica's position before giving up on finding a change made here. */
  static final int SCAN_LIMIT = 4 * Replicator.BATCH;

  private LowWatermark() {}

  /**
   * The watermark as {@code snapshot} shows the table's stream and its replicas' positions, or empty when a replica's
   * first unacknowledged change lies further than {@link #SCAN_LIMIT} records ahead (it is then not known).
   *
   * @param nowMillis the clock, read before the snapshot was taken
   */
  static OptionalLong of(Database db, Snapshot snapshot, TableMetadata table, Replication replication,
      long nowMillis) {
    StreamSettings stream = table.stream();
    long watermark = nowMillis;
    for (Replica replica : replication.replicas()) {
      ReplicaPosition position = ReplicaPosition.read(snapshot, table.keyspace(), replica.region()).orElse(null);
      if (position == null || stream == null) {
        continue;
      }
      try (KvCursor cursor = snapshot.scan(new KeyRange(StreamLog.key(stream.keyspace(), position.streamFrom()),
          StreamLog.range(stream.keyspace()).end()), false)) {
        for (int scanned = 0; cursor.next(); scanned++) {
          if (scanned == SCAN_LIMIT) {
            return OptionalLong.empty();
          }
          ReplicatedChange change = Replicator.localChange(db, cursor.value());
          if (change != null) {
            watermark = Math.min(watermark, change.stamp().millis());
            break;
          }
        }
      }
    }
    return OptionalLong.of(watermark);
  }
}
