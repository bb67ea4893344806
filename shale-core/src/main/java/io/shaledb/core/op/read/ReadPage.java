package io.shaledb.core.op.read;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Query or Scan.
 *
 * @param items the matching items, projected; null for Select COUNT
 * @param count how many items matched the filter
 * @param scannedCount how many items were read before filtering
 * @param lastEvaluatedKey where the next page starts, or null when the range is exhausted
 * @param bytesRead the size of what the page read, which its 1 MB limit counts
 */
public record ReadPage(
    @Nullable List<PageItem> items,
    int count,
    int scannedCount,
    @Nullable Map<String, AttributeValue> lastEvaluatedKey,
    @Nullable ConsumedCapacity consumedCapacity,
    long bytesRead) {}
