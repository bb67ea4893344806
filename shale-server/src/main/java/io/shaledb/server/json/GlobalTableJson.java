package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.CreateGlobalTableInput;
import io.shaledb.core.op.table.GlobalTableDescription;
import io.shaledb.core.op.table.GlobalTableSettings;
import io.shaledb.core.op.table.ListGlobalTablesInput;
import io.shaledb.core.op.table.ListGlobalTablesOutput;
import io.shaledb.core.op.table.UpdateGlobalTableInput;
import io.shaledb.core.op.table.UpdateGlobalTableSettingsInput;
import io.shaledb.core.op.table.UpdateGlobalTableSettingsInput.IndexCapacity;
import io.shaledb.core.op.table.UpdateGlobalTableSettingsInput.ReplicaSettings;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** Requests and responses of the global tables operations of version 2017.11.29. */
public final class GlobalTableJson {
  private GlobalTableJson() {}

  public static CreateGlobalTableInput readCreateGlobalTable(JsonInput in) throws IOException {
    String name = null;
    List<String> group = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "GlobalTableName" -> name = in.readString();
        case "ReplicationGroup" -> group = in.readList(ReplicaJson::readRegionName);
        default -> in.skipValue();
      }
    }
    return new CreateGlobalTableInput(name, group == null ? null : group.stream().filter(Objects::nonNull).toList());
  }

  public static UpdateGlobalTableInput readUpdateGlobalTable(JsonInput in) throws IOException {
    String name = null;
    List<ReplicaUpdate> updates = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "GlobalTableName" -> name = in.readString();
        case "ReplicaUpdates" -> updates = in.readList(ReplicaJson::readReplicaUpdate);
        default -> in.skipValue();
      }
    }
    return new UpdateGlobalTableInput(name, updates);
  }

  public static ListGlobalTablesInput readListGlobalTables(JsonInput in) throws IOException {
    String start = null;
    Long limit = null;
    String region = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ExclusiveStartGlobalTableName" -> start = in.readString();
        case "Limit" -> limit = in.readLong();
        case "RegionName" -> region = in.readString();
        default -> in.skipValue();
      }
    }
    return new ListGlobalTablesInput(start, limit == null ? null : (int) Math.min(Integer.MAX_VALUE,
        Math.max(Integer.MIN_VALUE, limit)), region);
  }

  public static UpdateGlobalTableSettingsInput readUpdateGlobalTableSettings(JsonInput in) throws IOException {
    String name = null;
    Choice<BillingMode> billingMode = null;
    Long write = null;
    List<IndexCapacity> indexes = null;
    List<ReplicaSettings> replicas = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "GlobalTableName" -> name = in.readString();
        case "GlobalTableBillingMode" -> billingMode = in.readChoice(BillingMode.class);
        case "GlobalTableProvisionedWriteCapacityUnits" -> write = in.readLong();
        case "GlobalTableGlobalSecondaryIndexSettingsUpdate" -> indexes = in.readList(
            r -> readIndexCapacity(r, "ProvisionedWriteCapacityUnits"));
        case "ReplicaSettingsUpdate" -> replicas = in.readList(GlobalTableJson::readReplicaSettings);
        default -> in.skipValue();
      }
    }
    return new UpdateGlobalTableSettingsInput(name, billingMode, write, indexes, replicas);
  }

  private static ReplicaSettings readReplicaSettings(JsonInput in) throws IOException {
    String region = null;
    Long read = null;
    Choice<TableClass> tableClass = null;
    List<IndexCapacity> indexes = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "RegionName" -> region = in.readString();
          case "ReplicaProvisionedReadCapacityUnits" -> read = in.readLong();
          case "ReplicaTableClass" -> tableClass = in.readChoice(TableClass.class);
          case "ReplicaGlobalSecondaryIndexSettingsUpdate" -> indexes = in.readList(
              r -> readIndexCapacity(r, "ProvisionedReadCapacityUnits"));
          default -> in.skipValue();
        }
      }
    }
    return new ReplicaSettings(region, read, tableClass, indexes);
  }

  private static IndexCapacity readIndexCapacity(JsonInput in, String capacityField) throws IOException {
    String name = null;
    Long units = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        if (in.fieldName().equals("IndexName")) {
          name = in.readString();
        } else if (in.fieldName().equals(capacityField)) {
          units = in.readLong();
        } else {
          in.skipValue();
        }
      }
    }
    return new IndexCapacity(name, units);
  }

  public static void writeDescription(JsonGenerator g, GlobalTableDescription out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("GlobalTableDescription");
    writeReplicationGroup(g, out.regions());
    g.writeStringField("GlobalTableArn", out.arn());
    TableJson.writeInstant(g, "CreationDateTime", out.created());
    g.writeStringField("GlobalTableStatus", out.status().name());
    g.writeStringField("GlobalTableName", out.name());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeReplicationGroup(JsonGenerator g, List<String> regions) throws IOException {
    g.writeArrayFieldStart("ReplicationGroup");
    for (String region : regions) {
      g.writeStartObject();
      g.writeStringField("RegionName", region);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  public static void writeListGlobalTables(JsonGenerator g, ListGlobalTablesOutput out) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("GlobalTables");
    for (ListGlobalTablesOutput.GlobalTable table : out.globalTables()) {
      g.writeStartObject();
      g.writeStringField("GlobalTableName", table.name());
      writeReplicationGroup(g, table.regions());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (out.lastEvaluatedGlobalTableName() != null) {
      g.writeStringField("LastEvaluatedGlobalTableName", out.lastEvaluatedGlobalTableName());
    }
    g.writeEndObject();
  }

  public static void writeSettings(JsonGenerator g, GlobalTableSettings out) throws IOException {
    g.writeStartObject();
    g.writeStringField("GlobalTableName", out.globalTableName());
    g.writeArrayFieldStart("ReplicaSettings");
    for (GlobalTableSettings.ReplicaSettings replica : out.replicas()) {
      TableMetadata table = replica.table();
      g.writeStartObject();
      g.writeStringField("RegionName", replica.region());
      g.writeStringField("ReplicaStatus", replica.status().name());
      g.writeObjectFieldStart("ReplicaBillingModeSummary");
      g.writeStringField("BillingMode", table.billingMode().name());
      if (table.lastUpdateToPayPerRequest().isPresent()) {
        TableJson.writeInstant(g, "LastUpdateToPayPerRequestDateTime", table.lastUpdateToPayPerRequest().get());
      }
      g.writeEndObject();
      g.writeNumberField("ReplicaProvisionedReadCapacityUnits", table.provisionedThroughput().readCapacityUnits());
      g.writeNumberField("ReplicaProvisionedWriteCapacityUnits", table.provisionedThroughput().writeCapacityUnits());
      g.writeArrayFieldStart("ReplicaGlobalSecondaryIndexSettings");
      for (IndexMetadata index : table.indexes()) {
        if (!index.local()) {
          g.writeStartObject();
          g.writeStringField("IndexName", index.name());
          g.writeStringField("IndexStatus", index.status().name());
          g.writeNumberField("ProvisionedReadCapacityUnits", index.provisionedThroughput().readCapacityUnits());
          g.writeNumberField("ProvisionedWriteCapacityUnits", index.provisionedThroughput().writeCapacityUnits());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeObjectFieldStart("ReplicaTableClassSummary");
      g.writeStringField("TableClass", table.options().tableClass().name());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
