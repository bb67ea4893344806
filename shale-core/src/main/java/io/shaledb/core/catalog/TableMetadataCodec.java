package io.shaledb.core.catalog;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.TableMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of {@link TableMetadata}. It starts with a format version; a new field means a new version whose
 * reader still accepts the older ones.
 */
final class TableMetadataCodec {
  private static final int VERSION = 1;

  private TableMetadataCodec() {}

  static byte[] encode(TableMetadata table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(table.name());
      out.writeInt(table.keyspace());
      out.writeUTF(table.tableId());
      writeKey(out, table.keySchema().partitionKey());
      out.writeBoolean(table.keySchema().sortKey().isPresent());
      if (table.keySchema().sortKey().isPresent()) {
        writeKey(out, table.keySchema().sortKey().get());
      }
      out.writeShort(table.attributeDefinitions().size());
      for (KeyAttribute definition : table.attributeDefinitions()) {
        writeKey(out, definition);
      }
      out.writeByte(table.billingMode().ordinal());
      ProvisionedThroughput throughput = table.provisionedThroughput();
      out.writeLong(throughput.readCapacityUnits());
      out.writeLong(throughput.writeCapacityUnits());
      writeInstant(out, throughput.lastIncreaseDateTime());
      writeInstant(out, throughput.lastDecreaseDateTime());
      out.writeInt(throughput.numberOfDecreasesToday());
      writeInstant(out, table.lastUpdateToPayPerRequest());
      writeInstant(out, Optional.of(table.creationDateTime()));
      out.writeShort(table.tags().size());
      for (Map.Entry<String, String> tag : table.tags().entrySet()) {
        out.writeUTF(tag.getKey());
        out.writeUTF(tag.getValue());
      }
      out.writeBoolean(table.deletionProtectionEnabled());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static TableMetadata decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown table metadata format version " + version);
      }
      String name = in.readUTF();
      int keyspace = in.readInt();
      String tableId = in.readUTF();
      KeyAttribute partitionKey = readKey(in);
      KeyAttribute sortKey = in.readBoolean() ? readKey(in) : null;
      int definitionCount = in.readUnsignedShort();
      List<KeyAttribute> definitions = new ArrayList<>(definitionCount);
      for (int i = 0; i < definitionCount; i++) {
        definitions.add(readKey(in));
      }
      BillingMode billingMode = BillingMode.values()[in.readUnsignedByte()];
      ProvisionedThroughput throughput = new ProvisionedThroughput(
          in.readLong(), in.readLong(), readInstant(in), readInstant(in), in.readInt());
      Optional<Instant> payPerRequestSince = readInstant(in);
      Instant created = readInstant(in).orElseThrow();
      int tagCount = in.readUnsignedShort();
      Map<String, String> tags = new LinkedHashMap<>();
      for (int i = 0; i < tagCount; i++) {
        tags.put(in.readUTF(), in.readUTF());
      }
      boolean deletionProtection = in.readBoolean();
      return new TableMetadata(
          name, keyspace, tableId, KeySchema.of(partitionKey, sortKey), definitions, billingMode, throughput,
          payPerRequestSince, created, tags, deletionProtection);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeKey(DataOutputStream out, KeyAttribute key) throws IOException {
    out.writeUTF(key.name());
    out.writeByte(key.type().ordinal());
  }

  private static KeyAttribute readKey(DataInputStream in) throws IOException {
    return new KeyAttribute(in.readUTF(), ScalarType.values()[in.readUnsignedByte()]);
  }

  private static void writeInstant(DataOutputStream out, Optional<Instant> instant) throws IOException {
    out.writeLong(instant.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
  }

  private static Optional<Instant> readInstant(DataInputStream in) throws IOException {
    long millis = in.readLong();
    return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
