package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.ConsumedCapacity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ConsumedCapacity in DynamoDB's shape: {@code {"TableName", "CapacityUnits"}}, and for INDEXES the table's share in
 * {@code "Table"} and each index's under {@code "LocalSecondaryIndexes"} and {@code "GlobalSecondaryIndexes"}, each
 * {@code {"CapacityUnits"}}; an index the request did not touch is not named.
 */
final class CapacityJson {
  private CapacityJson() {}

  /** Writes the "ConsumedCapacity" member when there is one. */
  static void writeMember(JsonGenerator g, @Nullable ConsumedCapacity capacity) throws IOException {
    if (capacity != null) {
      g.writeFieldName("ConsumedCapacity");
      write(g, capacity);
    }
  }

  /** Writes the "ConsumedCapacity" member of a batch: a list with one entry a table. */
  static void writeListMember(JsonGenerator g, List<ConsumedCapacity> capacities) throws IOException {
    if (!capacities.isEmpty()) {
      g.writeArrayFieldStart("ConsumedCapacity");
      for (ConsumedCapacity capacity : capacities) {
        write(g, capacity);
      }
      g.writeEndArray();
    }
  }

  private static void write(JsonGenerator g, ConsumedCapacity capacity) throws IOException {
    g.writeStartObject();
    g.writeStringField("TableName", capacity.tableName());
    g.writeNumberField("CapacityUnits", capacity.capacityUnits());
    ConsumedCapacity.Shares shares = capacity.shares();
    if (shares != null) {
      g.writeFieldName("Table");
      writeUnits(g, shares.table());
      writeIndexes(g, "LocalSecondaryIndexes", shares.localSecondaryIndexes());
      writeIndexes(g, "GlobalSecondaryIndexes", shares.globalSecondaryIndexes());
    }
    g.writeEndObject();
  }

  private static void writeIndexes(JsonGenerator g, String member, Map<String, Double> indexes) throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    g.writeObjectFieldStart(member);
    for (Map.Entry<String, Double> index : indexes.entrySet()) {
      g.writeFieldName(index.getKey());
      writeUnits(g, index.getValue());
    }
    g.writeEndObject();
  }

  private static void writeUnits(JsonGenerator g, double units) throws IOException {
    g.writeStartObject();
    g.writeNumberField("CapacityUnits", units);
    g.writeEndObject();
  }
}
