package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.TableAutoScalingOutput;
import io.shaledb.core.op.table.UpdateTableReplicaAutoScalingInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }
}
