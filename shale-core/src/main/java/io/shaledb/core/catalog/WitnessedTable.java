package io.shaledb.core.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of multi-region strong consistency that this region witnesses: it holds no table of that name (ListTables
 * and DescribeTable do not show it), only each item's consensus state and committed value under {@code 'J'
 * keyspace} in the system keyspace ({@code WitnessValues}), kept in the catalog under {@code 'w' name}
 * ({@link SystemKeyspace.Kind#WITNESSED_TABLE}). Deleting it drops its keyspace, and the state with it.
 *
 * @param keyspace this region's keyspace id for the table's items' consensus state (never reused)
 * @param replicas the two regions holding the table's replicas, sorted: the only ones whose requests it answers
 * @param created when this region became the table's witness
 */
public record WitnessedTable(String name, int keyspace, List<String> replicas, Instant created) {
  /** The stored form's version. */
  private static final int FORMAT = 1;

  public WitnessedTable {
    replicas = replicas.stream().sorted().toList();
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(name);
      out.writeInt(keyspace);
      out.writeByte(replicas.size());
      for (String replica : replicas) {
        out.writeUTF(replica);
      }
      out.writeLong(created.toEpochMilli());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static WitnessedTable decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown witnessed table format version " + format);
      }
      String name = in.readUTF();
      int keyspace = in.readInt();
      int count = in.readUnsignedByte();
      List<String> replicas = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        replicas.add(in.readUTF());
      }
      return new WitnessedTable(name, keyspace, replicas, Instant.ofEpochMilli(in.readLong()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
