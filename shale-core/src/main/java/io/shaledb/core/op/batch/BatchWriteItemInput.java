package io.shaledb.core.op.batch;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** BatchWriteItem's request, as decoded: any field may be null. */
public record BatchWriteItemInput(
    Map<String, List<WriteRequest>> requestItems, Choice<ReturnConsumedCapacity> returnConsumedCapacity, Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics) {

  /** One put (an item) or delete (a key); DynamoDB requires exactly one of the two. */
  public record WriteRequest(Map<String, AttributeValue> putItem, Map<String, AttributeValue> deleteKey) {}
}
