package io.shaledb.core.op.batch;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** BatchGetItem's request, as decoded: any field may be null. */
public record BatchGetItemInput(Map<String, KeysAndAttributes> requestItems, Choice<ReturnConsumedCapacity> returnConsumedCapacity) {

  /** The keys to read from one table and how to read them. */
  public record KeysAndAttributes(
      List<Map<String, AttributeValue>> keys,
      List<String> attributesToGet,
      String projectionExpression,
      Map<String, String> expressionAttributeNames,
      Boolean consistentRead) {}
}
