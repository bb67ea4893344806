package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** TransactGetItems' request, as decoded: any field may be null. */
public record TransactGetItemsInput(List<Get> transactItems, Choice<ReturnConsumedCapacity> returnConsumedCapacity) {

  /** One Get: a table, a key and an optional projection. */
  public record Get(String tableName, Map<String, AttributeValue> key, String projectionExpression,
      Map<String, String> expressionAttributeNames) {}
}
