package io.shaledb.core.catalog;

import io.shaledb.core.model.Bytes;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far replication of one table to one replica got, kept in the system keyspace ({@code 'Q' keyspace region}) and
 * changed only in the transactions that record acknowledged work, so a restart resumes where the last acknowledged
 * batch ended.
 *
 * <pre>
 * [format version: 1 byte][phase: 1 byte][stream position: 8 bytes][items backfilled: 8 bytes][backfill key: the rest]
 * </pre>
 *
 * @param streamFrom the sequence number of the first stream record not yet acknowledged by the replica
 * @param backfillFrom the table key the backfill resumes at (the key after the last one sent), or null to start
 * @param backfilled how many items the backfill sent so far
 */
public record ReplicaPosition(Phase phase, long streamFrom, @Nullable Bytes backfillFrom, long backfilled) {
  private static final int VERSION = 1;
  private static final int HEADER = 2 + 2 * Long.BYTES;

  /** Persisted by ordinal: never reorder. */
  public enum Phase {
    /** The replica's table is still to be created in the peer. */
    CREATE,
    /** The table's items are being copied. */
    BACKFILL,
    /** Only changes are sent, from the stream. */
    STREAM
  }

  /** A replica about to be created, whose changes are those from {@code streamFrom} on. */
  public static ReplicaPosition toCreate(long streamFrom) {
    return new ReplicaPosition(Phase.CREATE, streamFrom, null, 0);
  }

  /**
   * A replica in a region another replica introduced (it exists there already): it is backfilled with this region's
   * items, then follows the stream from {@code streamFrom}.
   */
  public static ReplicaPosition toBackfill(long streamFrom) {
    return new ReplicaPosition(Phase.BACKFILL, streamFrom, null, 0);
  }

  /** A replica of a table made empty for it, which only needs the changes from {@code streamFrom} on. */
  public static ReplicaPosition streaming(long streamFrom) {
    return new ReplicaPosition(Phase.STREAM, streamFrom, null, 0);
  }

  public static Optional<ReplicaPosition> read(KvReader reader, int keyspace, String region) {
    byte[] stored = reader.get(SystemKeyspace.replicaPosition(keyspace, region));
    if (stored == null) {
      return Optional.empty();
    }
    if (stored[0] != VERSION) {
      throw new IllegalStateException("unknown replica position format version " + stored[0]);
    }
    ByteBuffer in = ByteBuffer.wrap(stored, 1, stored.length - 1);
    Phase phase = Phase.values()[in.get()];
    long streamFrom = in.getLong();
    long backfilled = in.getLong();
    byte[] key = new byte[in.remaining()];
    in.get(key);
    return Optional.of(new ReplicaPosition(phase, streamFrom, key.length == 0 ? null : Bytes.wrap(key), backfilled));
  }

  public void write(Transaction tx, int keyspace, String region) {
    int keyLength = backfillFrom == null ? 0 : backfillFrom.length();
    ByteBuffer out = ByteBuffer.allocate(HEADER + keyLength).put((byte) VERSION).put((byte) phase.ordinal())
        .putLong(streamFrom).putLong(backfilled);
    if (backfillFrom != null) {
      out.put(backfillFrom.toByteArray());
    }
    tx.put(SystemKeyspace.replicaPosition(keyspace, region), out.array());
  }

  /**
   * Removes what this region keeps of its replica in {@code region}: the position, and the low watermark that region
   * reported ({@link ReplicaWatermark}), which says nothing of it should it become a replica again.
   */
  public static void delete(Transaction tx, int keyspace, String region) {
    tx.delete(SystemKeyspace.replicaPosition(keyspace, region));
    ReplicaWatermark.delete(tx, keyspace, region);
  }

  public ReplicaPosition withPhase(Phase next) {
    return new ReplicaPosition(next, streamFrom, backfillFrom, backfilled);
  }

  public ReplicaPosition backfilledTo(Bytes next, long count) {
    return new ReplicaPosition(phase, streamFrom, next, backfilled + count);
  }

  public ReplicaPosition streamedTo(long next) {
    return new ReplicaPosition(phase, next, backfillFrom, backfilled);
  }
}
