package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** GetItem's request, as decoded: any field may be null. */
public record GetItemInput(
    String tableName,
    Map<String, AttributeValue> key,
    Boolean consistentRead,
    List<String> attributesToGet,
    String projectionExpression,
    Map<String, String> expressionAttributeNames,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity) {}
