package io.shaledb.core.op.batch;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** BatchGetItem's request, as decoded: any field may be null. */
public record BatchGetItemInput(@Nullable Map<String, KeysAndAttributes> requestItems, @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity) {

  /** The keys to read from one table and how to read them. */
  public record KeysAndAttributes(
      @Nullable List<Map<String, AttributeValue>> keys,
      @Nullable List<String> attributesToGet,
      @Nullable String projectionExpression,
      @Nullable Map<String, String> expressionAttributeNames,
      @Nullable Boolean consistentRead) {}
}
