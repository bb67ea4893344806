package io.shaledb.core.op.read;

import io.shaledb.core.op.PageItem;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan.
 *
 * @param items the matching items, projected; null for Select COUNT
 * @param count how many items matched the filter
 * @param scannedCount how many items were read before filtering
 * @param lastEvaluatedKey where the next page starts, or null when the range is exhausted
 */
public record ReadPage(
    List<PageItem> items,
    int count,
    int scannedCount,
    Map<String, AttributeValue> lastEvaluatedKey,
    ConsumedCapacity consumedCapacity) {}
