package io.shaledb.core.op.batch;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.batch.BatchWriteItemInput.WriteRequest;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem's response: requests left for a retry (none here), capacity by table, and item collection
 * metrics by table when asked for.
 */
public record BatchWriteItemOutput(
    Map<String, List<WriteRequest>> unprocessedItems,
    List<ConsumedCapacity> consumedCapacity,
    Map<String, List<ItemCollectionMetrics>> itemCollectionMetrics) {}
