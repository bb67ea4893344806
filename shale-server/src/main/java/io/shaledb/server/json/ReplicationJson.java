package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.catalog.TableMetadataCodec;
import io.shaledb.core.consensus.PaxosCodec;
import io.shaledb.core.consensus.PaxosReply;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.replication.ApplyReplicatedChangesInput;
import io.shaledb.core.op.replication.PaxosInput;
import io.shaledb.core.op.table.ReplicaSettingsInput;
import io.shaledb.core.op.table.ReplicaTableInput;
import io.shaledb.core.replication.PeerTable;
import io.shaledb.core.replication.ReplicaSettingsUpdate;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The calls regions make on each other (docs/global-tables.md, "The replication calls"), both ways: what a peer sends
 * and what it reads. A table travels in the catalog's own format, base64, so both sides must run the same catalog
 * format version.
 */
public final class ReplicationJson {
  private ReplicationJson() {}

  /**
   * CreateReplicaTable, UpdateReplicaTable or JoinGlobalTable: the table, and the stamp of its shared settings when
   * it has one.
   */
  public static void writeCreateReplicaTable(JsonGenerator g, String sourceRegion, TableMetadata table,
      Optional<ReplicationStamp> settingsStamp) throws IOException {
    g.writeStartObject();
    g.writeStringField("SourceRegion", sourceRegion);
    writeTable(g, table);
    if (settingsStamp.isPresent()) {
      g.writeNumberField("SettingsStampMillis", settingsStamp.get().millis());
      g.writeStringField("SettingsStampRegion", settingsStamp.get().region());
    }
    g.writeEndObject();
  }

  private static void writeTable(JsonGenerator g, TableMetadata table) throws IOException {
    g.writeStringField("Table", Base64.getEncoder().encodeToString(TableMetadataCodec.encode(table)));
  }

  public static void writeDeleteReplicaTable(JsonGenerator g, String sourceRegion, String tableName)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("SourceRegion", sourceRegion);
    g.writeStringField("TableName", tableName);
    g.writeEndObject();
  }

  /** AddReplicaRegion: the table, whose replicas' entries carry the new one's overrides, and that region. */
  public static void writeAddReplicaRegion(JsonGenerator g, String sourceRegion, TableMetadata table, String region)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("SourceRegion", sourceRegion);
    g.writeStringField("TableName", table.name());
    writeTable(g, table);
    g.writeStringField("RegionName", region);
    g.writeEndObject();
  }

  public static ReplicaTableInput readReplicaTable(JsonInput in) throws IOException {
    String source = null;
    TableMetadata table = null;
    String tableName = null;
    String region = null;
    Long stampMillis = null;
    String stampRegion = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "SourceRegion" -> source = in.readString();
        case "TableName" -> tableName = in.readString();
        case "RegionName" -> region = in.readString();
        case "Table" -> table = decodeTable(in.readString());
        case "SettingsStampMillis" -> stampMillis = in.readLong();
        case "SettingsStampRegion" -> stampRegion = in.readString();
        default -> in.skipValue();
      }
    }
    if ((stampMillis == null) != (stampRegion == null)) {
      throw DynamoException.serialization("A shared settings stamp needs both SettingsStampMillis and"
          + " SettingsStampRegion");
    }
    return new ReplicaTableInput(source, table, tableName, region,
        stampMillis == null ? null : new ReplicationStamp(stampMillis, Objects.requireNonNull(stampRegion)));
  }

  private static @Nullable TableMetadata decodeTable(@Nullable String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return TableMetadataCodec.decode(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw DynamoException.serialization("Table is no table in this server's catalog format: " + e.getMessage());
    }
  }

  public static void writeApplyReplicatedChanges(JsonGenerator g, String tableName, String sourceRegion,
      List<ReplicatedChange> changes, boolean filled, OptionalLong lowWatermark) throws IOException {
    g.writeStartObject();
    g.writeStringField("TableName", tableName);
    g.writeStringField("SourceRegion", sourceRegion);
    if (filled) {
      g.writeBooleanField("Filled", true);
    }
    if (lowWatermark.isPresent()) {
      g.writeNumberField("LowWatermark", lowWatermark.getAsLong());
    }
    g.writeArrayFieldStart("Changes");
    for (ReplicatedChange change : changes) {
      g.writeStartObject();
      g.writeFieldName("Keys");
      AttributeValueWriter.writeMap(g, change.keys());
      Map<String, AttributeValue> item = change.item();
      if (item != null) {
        g.writeFieldName("Item");
        AttributeValueWriter.writeMap(g, item);
      }
      g.writeNumberField("StampMillis", change.stamp().millis());
      g.writeStringField("StampRegion", change.stamp().region());
      g.writeBooleanField("ByService", change.byService());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  public static ApplyReplicatedChangesInput readApplyReplicatedChanges(JsonInput in) throws IOException {
    String tableName = null;
    String source = null;
    List<ReplicatedChange> changes = null;
    boolean filled = false;
    Long lowWatermark = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "SourceRegion" -> source = in.readString();
        case "Changes" -> changes = in.readList(ReplicationJson::readChange);
        case "Filled" -> filled = Boolean.TRUE.equals(in.readBoolean());
        case "LowWatermark" -> lowWatermark = in.readLong();
        default -> in.skipValue();
      }
    }
    return new ApplyReplicatedChangesInput(tableName, source, changes, filled, lowWatermark);
  }

  private static ReplicatedChange readChange(JsonInput in) throws IOException {
    Map<String, AttributeValue> keys = null;
    Map<String, AttributeValue> item = null;
    Long millis = null;
    String region = null;
    boolean byService = false;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Keys" -> keys = in.readAttributeMap();
          case "Item" -> item = in.readAttributeMap();
          case "StampMillis" -> millis = in.readLong();
          case "StampRegion" -> region = in.readString();
          case "ByService" -> byService = Boolean.TRUE.equals(in.readBoolean());
          default -> in.skipValue();
        }
      }
    }
    if (keys == null || millis == null || region == null) {
      throw DynamoException.serialization("A replicated change needs its Keys, StampMillis and StampRegion");
    }
    return new ReplicatedChange(keys, item, new ReplicationStamp(millis, region), byService);
  }

  /** Paxos: a consensus request on an item, in its codec's form, and the item's key without its keyspace id. */
  public static void writePaxos(JsonGenerator g, String tableName, String sourceRegion, byte[] key, byte[] request)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("TableName", tableName);
    g.writeStringField("SourceRegion", sourceRegion);
    g.writeStringField("Key", Base64.getEncoder().encodeToString(key));
    g.writeStringField("Request", Base64.getEncoder().encodeToString(request));
    g.writeEndObject();
  }

  public static PaxosInput readPaxos(JsonInput in) throws IOException {
    String tableName = null;
    String source = null;
    byte[] key = null;
    byte[] request = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "SourceRegion" -> source = in.readString();
        case "Key" -> key = base64("Key", in.readString());
        case "Request" -> request = base64("Request", in.readString());
        default -> in.skipValue();
      }
    }
    return new PaxosInput(tableName, source, key, request);
  }

  public static void writePaxosReply(JsonGenerator g, PaxosReply reply) throws IOException {
    g.writeStartObject();
    g.writeStringField("Reply", Base64.getEncoder().encodeToString(PaxosCodec.encode(reply)));
    g.writeEndObject();
  }

  /** The reply of a Paxos call, in its codec's form. */
  public static byte[] readPaxosReply(JsonInput in) throws IOException {
    byte[] reply = null;
    in.beginRequest();
    while (in.nextField()) {
      if (in.fieldName().equals("Reply")) {
        reply = base64("Reply", in.readString());
      } else {
        in.skipValue();
      }
    }
    if (reply == null) {
      throw DynamoException.serialization("A Paxos answer needs its Reply");
    }
    return reply;
  }

  private static byte @Nullable [] base64(String member, @Nullable String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw DynamoException.serialization(member + " is not base64: " + e.getMessage());
    }
  }

  public static void writeApplied(JsonGenerator g, Integer applied) throws IOException {
    g.writeStartObject();
    g.writeNumberField("Applied", applied);
    g.writeEndObject();
  }

  public static void writeDeleted(JsonGenerator g, Boolean deleted) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("Deleted", deleted);
    g.writeEndObject();
  }

  /** InspectTable's answer: the table in the catalog's own format and whether it is empty, or nothing. */
  public static void writeInspected(JsonGenerator g, Optional<PeerTable> table) throws IOException {
    g.writeStartObject();
    if (table.isPresent()) {
      writeTable(g, table.get().table());
      g.writeBooleanField("Empty", table.get().empty());
    }
    g.writeEndObject();
  }

  public static Optional<PeerTable> readInspected(JsonInput in) throws IOException {
    TableMetadata table = null;
    boolean empty = false;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Table" -> table = decodeTable(in.readString());
        case "Empty" -> empty = Boolean.TRUE.equals(in.readBoolean());
        default -> in.skipValue();
      }
    }
    return table == null ? Optional.empty() : Optional.of(new PeerTable(table, empty));
  }

  public static void writeUpdateReplicaSettings(JsonGenerator g, String sourceRegion, String tableName,
      ReplicaSettingsUpdate update) throws IOException {
    g.writeStartObject();
    g.writeStringField("SourceRegion", sourceRegion);
    g.writeStringField("TableName", tableName);
    g.writeObjectFieldStart("Settings");
    if (update.billingMode() != null) {
      g.writeStringField("BillingMode", update.billingMode().name());
    }
    writeUnits(g, update.readCapacityUnits(), update.writeCapacityUnits());
    if (update.tableClass() != null) {
      g.writeStringField("TableClass", update.tableClass().name());
    }
    g.writeArrayFieldStart("Indexes");
    for (var index : update.indexes().entrySet()) {
      g.writeStartObject();
      g.writeStringField("IndexName", index.getKey());
      writeUnits(g, index.getValue().readCapacityUnits(), index.getValue().writeCapacityUnits());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeUnits(JsonGenerator g, @Nullable Long read, @Nullable Long write) throws IOException {
    if (read != null) {
      g.writeNumberField("ReadCapacityUnits", read);
    }
    if (write != null) {
      g.writeNumberField("WriteCapacityUnits", write);
    }
  }

  public static ReplicaSettingsInput readUpdateReplicaSettings(JsonInput in) throws IOException {
    String source = null;
    String tableName = null;
    ReplicaSettingsUpdate update = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "SourceRegion" -> source = in.readString();
        case "TableName" -> tableName = in.readString();
        case "Settings" -> update = readSettings(in);
        default -> in.skipValue();
      }
    }
    return new ReplicaSettingsInput(source, tableName, update);
  }

  private static @Nullable ReplicaSettingsUpdate readSettings(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    Choice<BillingMode> mode = null;
    Long read = null;
    Long write = null;
    Choice<TableClass> tableClass = null;
    Map<String, ReplicaSettingsUpdate.IndexCapacity> indexes = new HashMap<>();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "BillingMode" -> mode = in.readChoice(BillingMode.class);
        case "ReadCapacityUnits" -> read = in.readLong();
        case "WriteCapacityUnits" -> write = in.readLong();
        case "TableClass" -> tableClass = in.readChoice(TableClass.class);
        case "Indexes" -> {
          List<Map.Entry<String, ReplicaSettingsUpdate.IndexCapacity>> entries = in.readList(ReplicationJson::readIndex);
          if (entries != null) {
            entries.forEach(e -> indexes.put(e.getKey(), e.getValue()));
          }
        }
        default -> in.skipValue();
      }
    }
    return new ReplicaSettingsUpdate(mode == null ? null : mode.known(), write, read,
        tableClass == null ? null : tableClass.known(), indexes);
  }

  private static Map.Entry<String, ReplicaSettingsUpdate.IndexCapacity> readIndex(JsonInput in) throws IOException {
    String name = "";
    Long read = null;
    Long write = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "IndexName" -> name = Objects.requireNonNullElse(in.readString(), "");
          case "ReadCapacityUnits" -> read = in.readLong();
          case "WriteCapacityUnits" -> write = in.readLong();
          default -> in.skipValue();
        }
      }
    }
    return Map.entry(name, new ReplicaSettingsUpdate.IndexCapacity(read, write));
  }

  /** The answer of a call that says only whether it changed something. */
  public static void writeDone(JsonGenerator g, Boolean done) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("Done", done);
    g.writeEndObject();
  }

  public static void writeAdded(JsonGenerator g, Boolean added) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("Added", added);
    g.writeEndObject();
  }
}
