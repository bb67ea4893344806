package io.shaledb.core.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A stream as ListStreams and DescribeStream report it. Kept in the catalog after its table disables it or is
 * deleted, so readers can finish reading it.
 *
 * @param closed when the stream stopped taking records, or null while it is the table's enabled stream
 * @param rangeKey the table's sort key name, or null
 */
public record StreamDescriptor(String arn, String tableName, String viewType, int keyspace, String label,
    Instant created, Instant closed, String hashKey, String rangeKey) {

  public StreamDescriptor close(Instant when) {
    return new StreamDescriptor(arn, tableName, viewType, keyspace, label, created, when, hashKey, rangeKey);
  }

  /** The one shard of the stream, named after its creation. */
  public String shardId() {
    return "shardId-" + String.format("%020d", created.toEpochMilli()) + "-" + String.format("%08x", keyspace);
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF(arn);
      out.writeUTF(tableName);
      out.writeUTF(viewType);
      out.writeInt(keyspace);
      out.writeUTF(label);
      out.writeLong(created.toEpochMilli());
      out.writeLong(closed == null ? -1 : closed.toEpochMilli());
      out.writeUTF(hashKey);
      out.writeUTF(rangeKey == null ? "" : rangeKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static StreamDescriptor decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      in.readUnsignedByte();
      String arn = in.readUTF();
      String table = in.readUTF();
      String view = in.readUTF();
      int keyspace = in.readInt();
      String label = in.readUTF();
      Instant created = Instant.ofEpochMilli(in.readLong());
      long closed = in.readLong();
      String hash = in.readUTF();
      String range = in.readUTF();
      return new StreamDescriptor(arn, table, view, keyspace, label, created,
          closed < 0 ? null : Instant.ofEpochMilli(closed), hash, range.isEmpty() ? null : range);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
