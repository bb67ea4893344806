package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WriteOutcome;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ReturnItemCollectionMetrics' answer for a table with local secondary indexes: the collection's partition key and
 * its size as a range of whole gigabytes, the estimate DynamoDB gives.
 */
public record ItemCollectionMetrics(Map<String, AttributeValue> itemCollectionKey, double lowerGb, double upperGb) {
  private static final double GIGABYTE = 1024.0 * 1024 * 1024;

  /** The metrics to report, or null when SIZE was not asked for or the table has no local index. */
  public static @Nullable ItemCollectionMetrics of(
      @Nullable Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics,
      TableMetadata table, WriteOutcome result) {
    if (!Choice.sent(returnItemCollectionMetrics, ReturnItemCollectionMetrics.SIZE)
        || result.itemCollectionBytes() < 0) {
      return null;
    }
    Map<String, AttributeValue> item = Objects.requireNonNull(
        result.current() != null ? result.current() : result.previous(), "a write has an item before or after it");
    String partitionKey = table.keySchema().partitionKey().name();
    double lower = Math.floor(result.itemCollectionBytes() / GIGABYTE);
    return new ItemCollectionMetrics(
        Map.of(partitionKey, Objects.requireNonNull(item.get(partitionKey), "an item has its table's key")), lower,
        lower + 1);
  }
}
