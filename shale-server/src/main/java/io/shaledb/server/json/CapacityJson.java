package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.ConsumedCapacity;
import java.io.IOException;
import java.util.List;

/** ConsumedCapacity in DynamoDB's shape: {@code {"TableName", "CapacityUnits", "Table": {"CapacityUnits"}}}. */
final class CapacityJson {
  private CapacityJson() {}

  /** Writes the "ConsumedCapacity" member when there is one. */
  static void writeMember(JsonGenerator g, ConsumedCapacity capacity) throws IOException {
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
    if (capacity.withTableDetail()) {
      g.writeObjectFieldStart("Table");
      g.writeNumberField("CapacityUnits", capacity.capacityUnits());
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
