package io.shaledb.core.replication;

import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Each replicated item's stamp, kept in the table's stamp keyspace under the item's key (the same bytes after the
 * keyspace id), so readers of the table never see it. A deleted item keeps its stamp (a tombstone), so an older change
 * arriving later cannot bring it back.
 *
 * <pre>
 * [format version: 1 byte][millis: 8 bytes][region: UTF-8, the rest]
 * </pre>
 */
public final class ItemStamps {
  private static final int VERSION = 1;
  private static final int HEADER = 1 + Long.BYTES;

  private ItemStamps() {}

  /** The stamp an item's key has now, or null when the key was never changed since replication began. */
  public static @Nullable ReplicationStamp stored(KvReader reader, Replication replication, byte[] itemKey) {
    byte[] stored = reader.get(key(replication.stampKeyspace(), itemKey));
    return stored == null ? null : decode(stored);
  }

  /**
   * The stamp the item of {@code itemKey} counts as having: its stored one, else, for an item written before
   * replication began ({@code exists}), the start of replication by this region, else none.
   */
  public static @Nullable ReplicationStamp effective(KvReader reader, Replication replication, byte[] itemKey,
      boolean exists, String localRegion) {
    ReplicationStamp stored = stored(reader, replication, itemKey);
    if (stored != null || !exists) {
      return stored;
    }
    return implied(replication, localRegion);
  }

  /** The stamp of an item written before replication began, which has none stored. */
  public static ReplicationStamp implied(Replication replication, String localRegion) {
    return new ReplicationStamp(replication.since().toEpochMilli(), localRegion);
  }

  public static void write(Transaction tx, Replication replication, byte[] itemKey, ReplicationStamp stamp) {
    byte[] region = stamp.region().getBytes(StandardCharsets.UTF_8);
    tx.put(key(replication.stampKeyspace(), itemKey), ByteBuffer.allocate(HEADER + region.length).put((byte) VERSION)
        .putLong(stamp.millis()).put(region).array());
  }

  /** A stored stamp, as the stamp keyspace holds it. */
  public static ReplicationStamp decode(byte[] stored) {
    if (stored[0] != VERSION) {
      throw new IllegalStateException("unknown replication stamp format version " + stored[0]);
    }
    return new ReplicationStamp(ByteBuffer.wrap(stored, 1, Long.BYTES).getLong(),
        new String(stored, HEADER, stored.length - HEADER, StandardCharsets.UTF_8));
  }

  /** The key of an item's stamp: the item's key in the stamp keyspace. */
  public static byte[] key(int stampKeyspace, byte[] itemKey) {
    return inKeyspace(stampKeyspace, itemKey);
  }

  /** The key of the item a stamp is of: the stamp's key in the table's keyspace. */
  public static byte[] itemKey(int tableKeyspace, byte[] stampKey) {
    return inKeyspace(tableKeyspace, stampKey);
  }

  private static byte[] inKeyspace(int keyspace, byte[] key) {
    byte[] moved = key.clone();
    ByteBuffer.wrap(moved, 0, KeyCodec.KEYSPACE_BYTES).putInt(keyspace);
    return moved;
  }
}
