package io.shaledb.core.stream;

import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.schema.StreamViewType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stream as ListStreams and DescribeStream report it. Kept in the catalog after its table disables it or is
 * deleted, so readers can finish reading it.
 *
 * <p>A stream's records are split into shards by sequence number: each shard holds the records from its start up
 * to the next shard's start. Shards roll over every few hours; a new shard names the one before as its parent, so a
 * reader that finishes a closed shard and moves on to its child sees every record once.
 *
 * @param closed when the stream stopped taking records, or null while it is the table's enabled stream
 * @param rangeKey the table's sort key name, or null
 * @param trimmedBefore records below this sequence number are past retention and were removed
 * @param resourcePolicy the resource-based policy attached to the stream (PutResourcePolicy on its ARN), or null
 */
public record StreamDescriptor(String arn, String tableName, StreamViewType viewType, int keyspace, String label,
    Instant created, @Nullable Instant closed, String hashKey, @Nullable String rangeKey, List<Shard> shards,
    long trimmedBefore, @Nullable ResourcePolicy resourcePolicy) {
  /** The stored form: 2 added the resource policy after the shards. */
  private static final int FORMAT = 2;


  /** One shard: records with sequence numbers from {@code start} (inclusive) to {@code end} (exclusive, or open). */
  public record Shard(String shardId, @Nullable String parentShardId, long start, long end, Instant created) {
    public static final long OPEN = Long.MAX_VALUE;

    public boolean isOpen() {
      return end == OPEN;
    }
  }

  public StreamDescriptor {
    shards = List.copyOf(shards);
  }

  /** A new stream with one open shard. */
  public static StreamDescriptor open(String arn, String tableName, StreamViewType viewType, int keyspace, String label,
      Instant created, String hashKey, @Nullable String rangeKey) {
    return new StreamDescriptor(arn, tableName, viewType, keyspace, label, created, null, hashKey, rangeKey,
        List.of(new Shard(shardId(created, 0), null, 0, Shard.OPEN, created)), 0, null);
  }

  /**
   * Stops taking records. The open shard keeps no end: the change that closes the stream also changes its table's
   * catalog entry, which every write that records into the stream reads, so no record can be added once the close
   * commits, and the shard ends after its last record.
   */
  public StreamDescriptor close(Instant when) {
    return new StreamDescriptor(arn, tableName, viewType, keyspace, label, created, when, hashKey, rangeKey, shards,
        trimmedBefore, resourcePolicy);
  }

  /** Whether {@code shard} takes no more records: it was rolled over, or the stream closed. */
  public boolean ended(Shard shard) {
    return !shard.isOpen() || closed != null;
  }

  /** Ends the open shard at {@code boundary} and opens its child there. */
  public StreamDescriptor rollOver(Instant when, long boundary) {
    List<Shard> next = new ArrayList<>(endOpenShard(boundary));
    Shard open = Objects.requireNonNull(openShard(), "a closed stream does not roll over");
    next.add(new Shard(shardId(when, next.size()), open.shardId(), boundary, Shard.OPEN, when));
    return new StreamDescriptor(arn, tableName, viewType, keyspace, label, created, closed, hashKey, rangeKey, next,
        trimmedBefore, resourcePolicy);
  }

  public StreamDescriptor trimmedBefore(long sequence) {
    return new StreamDescriptor(arn, tableName, viewType, keyspace, label, created, closed, hashKey, rangeKey,
        shards, sequence, resourcePolicy);
  }

  public StreamDescriptor withResourcePolicy(@Nullable ResourcePolicy policy) {
    return new StreamDescriptor(arn, tableName, viewType, keyspace, label, created, closed, hashKey, rangeKey,
        shards, trimmedBefore, policy);
  }

  /** The shard still taking records, or null once the stream is closed. */
  public @Nullable Shard openShard() {
    Shard last = shards.get(shards.size() - 1);
    return last.isOpen() && closed == null ? last : null;
  }

  public @Nullable Shard shard(String shardId) {
    for (Shard shard : shards) {
      if (shard.shardId().equals(shardId)) {
        return shard;
      }
    }
    return null;
  }

  private List<Shard> endOpenShard(long boundary) {
    List<Shard> next = new ArrayList<>(shards);
    Shard open = openShard();
    if (open != null) {
      next.set(next.size() - 1, new Shard(open.shardId(), open.parentShardId(), open.start(),
          Math.max(boundary, open.start()), open.created()));
    }
    return next;
  }

  private static String shardId(Instant created, int index) {
    return "shardId-" + String.format("%020d", created.toEpochMilli()) + "-" + String.format("%08x", index);
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(arn);
      out.writeUTF(tableName);
      out.writeUTF(viewType.name());
      out.writeInt(keyspace);
      out.writeUTF(label);
      out.writeLong(created.toEpochMilli());
      out.writeLong(closed == null ? -1 : closed.toEpochMilli());
      out.writeUTF(hashKey);
      out.writeUTF(rangeKey == null ? "" : rangeKey);
      out.writeLong(trimmedBefore);
      out.writeShort(shards.size());
      for (Shard shard : shards) {
        out.writeUTF(shard.shardId());
        out.writeUTF(shard.parentShardId() == null ? "" : shard.parentShardId());
        out.writeLong(shard.start());
        out.writeLong(shard.end());
        out.writeLong(shard.created().toEpochMilli());
      }
      out.writeBoolean(resourcePolicy != null);
      if (resourcePolicy != null) {
        byte[] document = resourcePolicy.document().getBytes(StandardCharsets.UTF_8);
        out.writeInt(document.length);
        out.write(document);
        out.writeUTF(resourcePolicy.revisionId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static StreamDescriptor decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int format = in.readUnsignedByte();
      String arn = in.readUTF();
      String table = in.readUTF();
      StreamViewType view = StreamViewType.valueOf(in.readUTF());
      int keyspace = in.readInt();
      String label = in.readUTF();
      Instant created = Instant.ofEpochMilli(in.readLong());
      long closed = in.readLong();
      String hash = in.readUTF();
      String range = in.readUTF();
      long trimmed = in.readLong();
      int count = in.readUnsignedShort();
      List<Shard> shards = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        String parent = in.readUTF();
        shards.add(new Shard(id, parent.isEmpty() ? null : parent, in.readLong(), in.readLong(),
            Instant.ofEpochMilli(in.readLong())));
      }
      ResourcePolicy policy = null;
      if (format >= 2 && in.readBoolean()) {
        byte[] document = new byte[in.readInt()];
        in.readFully(document);
        policy = new ResourcePolicy(new String(document, StandardCharsets.UTF_8), in.readUTF());
      }
      return new StreamDescriptor(arn, table, view, keyspace, label, created,
          closed < 0 ? null : Instant.ofEpochMilli(closed), hash, range.isEmpty() ? null : range, shards, trimmed,
          policy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
