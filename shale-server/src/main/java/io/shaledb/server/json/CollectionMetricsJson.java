package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** ItemCollectionMetrics: {@code {"ItemCollectionKey": {...}, "SizeEstimateRangeGB": [low, high]}}. */
final class CollectionMetricsJson {
  private CollectionMetricsJson() {}

  /** The "ItemCollectionMetrics" member of a single-item write, when there is one. */
  static void writeMember(JsonGenerator g, @Nullable ItemCollectionMetrics metrics) throws IOException {
    if (metrics != null) {
      g.writeFieldName("ItemCollectionMetrics");
      write(g, metrics);
    }
  }

  /** The "ItemCollectionMetrics" member of a batch or transaction: lists by table, when there are any. */
  static void writeByTableMember(JsonGenerator g, Map<String, List<ItemCollectionMetrics>> byTable)
      throws IOException {
    if (byTable.isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("ItemCollectionMetrics");
    for (Map.Entry<String, List<ItemCollectionMetrics>> table : byTable.entrySet()) {
      g.writeArrayFieldStart(table.getKey());
      for (ItemCollectionMetrics metrics : table.getValue()) {
        write(g, metrics);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void write(JsonGenerator g, ItemCollectionMetrics metrics) throws IOException {
    g.writeStartObject();
    g.writeFieldName("ItemCollectionKey");
    AttributeValueWriter.writeMap(g, metrics.itemCollectionKey());
    g.writeArrayFieldStart("SizeEstimateRangeGB");
    g.writeNumber(metrics.lowerGb());
    g.writeNumber(metrics.upperGb());
    g.writeEndArray();
    g.writeEndObject();
  }
}
