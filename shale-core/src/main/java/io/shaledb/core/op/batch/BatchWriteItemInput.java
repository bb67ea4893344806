package io.shaledb.core.op.batch;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** BatchWriteItem's request, as decoded: any field may be null. */
public record BatchWriteItemInput(
    Map<String, List<WriteRequest>> requestItems, String returnConsumedCapacity, String returnItemCollectionMetrics) {

  /** One put (an item) or delete (a key); DynamoDB requires exactly one of the two. */
  public record WriteRequest(Map<String, AttributeValue> putItem, Map<String, AttributeValue> deleteKey) {}
}
