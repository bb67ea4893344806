package io.shaledb.core.op.batch;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.batch.BatchWriteItemInput.WriteRequest;
import java.util.List;
import java.util.Map;

/** BatchWriteItem's response: requests left for a retry (none here) and capacity by table. */
public record BatchWriteItemOutput(
    Map<String, List<WriteRequest>> unprocessedItems, List<ConsumedCapacity> consumedCapacity) {}
