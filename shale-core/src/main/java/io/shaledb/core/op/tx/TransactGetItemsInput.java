package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** TransactGetItems' request, as decoded: any field may be null. */
public record TransactGetItemsInput(@Nullable List<Get> transactItems, @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity) {

  /** One Get: a table, a key and an optional projection. */
  public record Get(@Nullable String tableName, @Nullable Map<String, AttributeValue> key, @Nullable String projectionExpression,
      @Nullable Map<String, String> expressionAttributeNames) {}
}
