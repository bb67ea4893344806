package io.shaledb.core.op.batch;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.batch.BatchGetItemInput.KeysAndAttributes;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem's response: items found by table (stored unless projected), keys left for a retry, capacity by table.
 */
public record BatchGetItemOutput(
    Map<String, List<PageItem>> responses,
    Map<String, KeysAndAttributes> unprocessedKeys,
    List<ConsumedCapacity> consumedCapacity) {}
