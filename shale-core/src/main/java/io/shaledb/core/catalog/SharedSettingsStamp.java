package io.shaledb.core.catalog;

import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The stamp of the last change of the settings a replicated table's replicas share (docs/global-tables.md, "Settings
 * and schema across replicas"), kept in the system keyspace ({@code 'O' keyspace}) beside the catalog entry and
 * written in the catalog change that makes the change here or applies a peer's. Two regions changing the shared
 * settings at once each stamp their change; every region keeps the one with the later stamp, the same ordering items
 * use, so all end with the same settings whatever order the changes arrive in. Removed with the table's keyspace.
 *
 * <pre>
 * [format version: 1 byte][millis: 8 bytes][region: UTF-8]
 * </pre>
 */
public final class SharedSettingsStamp {
  private static final int VERSION = 1;

  private SharedSettingsStamp() {}

  /** The stamp of the shared settings the table of {@code keyspace} has, or empty when none was recorded. */
  public static Optional<ReplicationStamp> read(KvReader reader, int keyspace) {
    byte[] stored = reader.get(SystemKeyspace.sharedSettingsStamp(keyspace));
    if (stored == null) {
      return Optional.empty();
    }
    if (stored[0] != VERSION) {
      throw new IllegalStateException("unknown shared settings stamp format version " + stored[0]);
    }
    ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
    long millis = buffer.getLong();
    return Optional.of(new ReplicationStamp(millis, StandardCharsets.UTF_8.decode(buffer).toString()));
  }

  /**
   * Stamps a change of the shared settings made in {@code region} now: the later of the clock and one millisecond
   * after the stamp it replaces, so a change always orders after the change it was made on, even when the region that
   * made that one runs its clock ahead.
   */
  public static ReplicationStamp stampLocalChange(Transaction tx, int keyspace, long nowMillis, String region) {
    ReplicationStamp stamp = ReplicationStamp.local(nowMillis, region, read(tx, keyspace).orElse(null));
    write(tx, keyspace, stamp);
    return stamp;
  }

  public static void write(Transaction tx, int keyspace, ReplicationStamp stamp) {
    byte[] region = stamp.region().getBytes(StandardCharsets.UTF_8);
    tx.put(SystemKeyspace.sharedSettingsStamp(keyspace), ByteBuffer.allocate(1 + Long.BYTES + region.length)
        .put((byte) VERSION).putLong(stamp.millis()).put(region).array());
  }
}
