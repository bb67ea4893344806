package io.shaledb.core.catalog;

import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * The low watermark a replica's region last reported with its changes to a table here (docs/global-tables.md,
 * "Deletes and tombstones"), kept in the system keyspace ({@code 'Z' keyspace region}): every change that region made
 * with a stamp earlier than it has been acknowledged by all that region's replicas, and the region stamps its later
 * changes no earlier. It only rises, since each report is a fact that stays true; it is removed with the replica
 * ({@link ReplicaPosition#delete}), so a region that becomes a replica again reports anew before its word counts.
 *
 * <pre>
 * [format version: 1 byte][millis: 8 bytes]
 * </pre>
 */
public final class ReplicaWatermark {
  private static final int VERSION = 1;

  private ReplicaWatermark() {}

  /** The watermark {@code region} reported for the table of {@code keyspace}, or empty when it has reported none. */
  public static OptionalLong read(KvReader reader, int keyspace, String region) {
    byte[] stored = reader.get(SystemKeyspace.replicaWatermark(keyspace, region));
    if (stored == null) {
      return OptionalLong.empty();
    }
    if (stored[0] != VERSION) {
      throw new IllegalStateException("unknown replica watermark format version " + stored[0]);
    }
    return OptionalLong.of(ByteBuffer.wrap(stored, 1, Long.BYTES).getLong());
  }

  /** Records {@code millis} as {@code region}'s watermark unless it already reported a later one. */
  public static void raise(Transaction tx, int keyspace, String region, long millis) {
    OptionalLong stored = read(tx, keyspace, region);
    if (stored.isEmpty() || stored.getAsLong() < millis) {
      tx.put(SystemKeyspace.replicaWatermark(keyspace, region),
          ByteBuffer.allocate(1 + Long.BYTES).put((byte) VERSION).putLong(millis).array());
    }
  }

  static void delete(Transaction tx, int keyspace, String region) {
    tx.delete(SystemKeyspace.replicaWatermark(keyspace, region));
  }
}
