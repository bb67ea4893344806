package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.TableAutoScalingOutput;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaIndexUpdate;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.op.table.UpdateTableInput.WitnessUpdate;
import io.shaledb.core.op.table.UpdateTableReplicaAutoScalingInput;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.ReplicaOverrides.IndexOverride;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the replica and global table operations. */
public final class ReplicaJson {
  private ReplicaJson() {}

  public static @Nullable String readGlobalTableName(JsonInput in) throws IOException {
    String name = null;
    in.beginRequest();
    while (in.nextField()) {
      if (in.fieldName().equals("GlobalTableName")) {
        name = in.readString();
      } else {
        in.skipValue();
      }
    }
    return name;
  }

  public static UpdateTableReplicaAutoScalingInput readUpdateTableReplicaAutoScaling(JsonInput in)
      throws IOException {
    String tableName = null;
    List<String> regions = new ArrayList<>();
    List<String> updates = new ArrayList<>();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "ReplicaUpdates" -> {
          List<String> named = in.readList(ReplicaJson::readRegionName);
          if (named != null) {
            regions.addAll(named);
          }
        }
        case "ProvisionedWriteCapacityAutoScalingUpdate", "GlobalSecondaryIndexUpdates" -> {
          if (in.isPresent()) {
            updates.add(in.fieldName());
          }
          in.skipValue();
        }
        default -> in.skipValue();
      }
    }
    return new UpdateTableReplicaAutoScalingInput(tableName, regions, updates);
  }

  /**
   * One ReplicaUpdates entry: its Create, Update or Delete member, each naming a region, and a Create's or an
   * Update's overrides.
   */
  static ReplicaUpdate readReplicaUpdate(JsonInput in) throws IOException {
    ReplicaUpdate.Action action = null;
    ReplicaUpdate read = new ReplicaUpdate(null, null);
    if (in.beginStructure()) {
      while (in.nextField()) {
        ReplicaUpdate.Action named = switch (in.fieldName()) {
          case "Create" -> ReplicaUpdate.Action.CREATE;
          case "Update" -> ReplicaUpdate.Action.UPDATE;
          case "Delete" -> ReplicaUpdate.Action.DELETE;
          default -> null;
        };
        if (named == null || !in.isPresent()) {
          in.skipValue();
          continue;
        }
        action = named;
        read = readReplicaAction(in);
      }
    }
    return new ReplicaUpdate(action, read.regionName(), read.readCapacityUnits(), read.maxReadRequestUnits(),
        read.globalSecondaryIndexes(), read.tableClass(), read.kmsMasterKeyId());
  }

  /** One GlobalTableWitnessUpdates entry: its Create or Delete member, each naming the witness region. */
  static WitnessUpdate readWitnessUpdate(JsonInput in) throws IOException {
    WitnessUpdate.WitnessAction action = null;
    String region = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        WitnessUpdate.WitnessAction named = switch (in.fieldName()) {
          case "Create" -> WitnessUpdate.WitnessAction.CREATE;
          case "Delete" -> WitnessUpdate.WitnessAction.DELETE;
          default -> null;
        };
        if (named == null || !in.isPresent()) {
          in.skipValue();
          continue;
        }
        action = named;
        region = readRegionName(in);
      }
    }
    return new WitnessUpdate(action, region);
  }

  /** The members of a Create, Update or Delete action (a Delete has only RegionName). */
  private static ReplicaUpdate readReplicaAction(JsonInput in) throws IOException {
    String region = null;
    Long read = null;
    Long maxRead = null;
    List<ReplicaIndexUpdate> indexes = null;
    Choice<TableClass> tableClass = null;
    String key = null;
    in.beginStructure();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "RegionName" -> region = in.readString();
        case "ProvisionedThroughputOverride" -> read = readSingleLong(in, "ReadCapacityUnits");
        case "OnDemandThroughputOverride" -> maxRead = readSingleLong(in, "MaxReadRequestUnits");
        case "GlobalSecondaryIndexes" -> indexes = in.readList(ReplicaJson::readReplicaIndex);
        case "TableClassOverride" -> tableClass = in.readChoice(TableClass.class);
        case "KMSMasterKeyId" -> key = in.readString();
        default -> in.skipValue();
      }
    }
    return new ReplicaUpdate(null, region, read, maxRead, indexes, tableClass, key);
  }

  private static ReplicaIndexUpdate readReplicaIndex(JsonInput in) throws IOException {
    String name = null;
    Long read = null;
    Long maxRead = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "IndexName" -> name = in.readString();
          case "ProvisionedThroughputOverride" -> read = readSingleLong(in, "ReadCapacityUnits");
          case "OnDemandThroughputOverride" -> maxRead = readSingleLong(in, "MaxReadRequestUnits");
          default -> in.skipValue();
        }
      }
    }
    return new ReplicaIndexUpdate(name, read, maxRead);
  }

  /** The one number member {@code field} of a structure, or null. */
  private static @Nullable Long readSingleLong(JsonInput in, String field) throws IOException {
    Long value = null;
    boolean present = in.beginStructure();
    while (present && in.nextField()) {
      if (in.fieldName().equals(field)) {
        value = in.readLong();
      } else {
        in.skipValue();
      }
    }
    return value;
  }

  /**
   * A ReplicaDescription's overrides (API reference, ReplicaDescription and ReplicaGlobalSecondaryIndexDescription),
   * and its ReplicaTableClassSummary: the override, else the table's class, which the replica shares.
   */
  static void writeOverrides(JsonGenerator g, ReplicaOverrides overrides, TableClass tableClass) throws IOException {
    if (overrides.kmsMasterKeyId().isPresent()) {
      g.writeStringField("KMSMasterKeyId", overrides.kmsMasterKeyId().get());
    }
    writeReadOverrides(g, overrides.readCapacityUnits(), overrides.maxReadRequestUnits());
    if (!overrides.indexes().isEmpty()) {
      g.writeArrayFieldStart("GlobalSecondaryIndexes");
      for (Map.Entry<String, IndexOverride> index : new TreeMap<>(overrides.indexes()).entrySet()) {
        g.writeStartObject();
        g.writeStringField("IndexName", index.getKey());
        writeReadOverrides(g, index.getValue().readCapacityUnits(), index.getValue().maxReadRequestUnits());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("ReplicaTableClassSummary");
    g.writeStringField("TableClass", overrides.tableClass().orElse(tableClass).name());
    g.writeEndObject();
  }

  /** A replica's or a replica index's ProvisionedThroughputOverride and OnDemandThroughputOverride, where set. */
  private static void writeReadOverrides(JsonGenerator g, Optional<Long> read, Optional<Long> maxRead)
      throws IOException {
    if (read.isPresent()) {
      g.writeObjectFieldStart("ProvisionedThroughputOverride");
      g.writeNumberField("ReadCapacityUnits", read.get());
      g.writeEndObject();
    }
    if (maxRead.isPresent()) {
      g.writeObjectFieldStart("OnDemandThroughputOverride");
      g.writeNumberField("MaxReadRequestUnits", maxRead.get());
      g.writeEndObject();
    }
  }

  /** The RegionName of a {@code {"RegionName": ...}} structure, as replica lists and replication groups name regions. */
  static @Nullable String readRegionName(JsonInput in) throws IOException {
    String region = null;
    boolean present = in.beginStructure();
    while (present && in.nextField()) {
      if (in.fieldName().equals("RegionName")) {
        region = in.readString();
      } else {
        in.skipValue();
      }
    }
    return region;
  }

  public static void writeTableAutoScaling(JsonGenerator g, TableAutoScalingOutput out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("TableAutoScalingDescription");
    g.writeStringField("TableName", out.tableName());
    g.writeStringField("TableStatus", out.status().name());
    g.writeArrayFieldStart("Replicas");
    for (Replica replica : out.replicas()) {
      g.writeStartObject();
      g.writeStringField("RegionName", replica.region());
      g.writeStringField("ReplicaStatus", replica.status().name());
      g.writeArrayFieldStart("GlobalSecondaryIndexes");
      for (IndexMetadata index : out.globalIndexes()) {
        g.writeStartObject();
        g.writeStringField("IndexName", index.name());
        g.writeStringField("IndexStatus", index.status().name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }
}
