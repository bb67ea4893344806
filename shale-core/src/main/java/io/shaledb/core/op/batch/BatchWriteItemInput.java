package io.shaledb.core.op.batch;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** BatchWriteItem's request, as decoded: any field may be null. */
public record BatchWriteItemInput(
    @Nullable Map<String, List<WriteRequest>> requestItems, @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity, @Nullable Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics) {

  /** One put (an item) or delete (a key); DynamoDB requires exactly one of the two. */
  public record WriteRequest(@Nullable Map<String, AttributeValue> putItem, @Nullable Map<String, AttributeValue> deleteKey) {}
}
