package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/** DeleteItem's request, as decoded: any field may be null. */
public record DeleteItemInput(
    String tableName,
    Map<String, AttributeValue> key,
    String returnValues,
    String returnConsumedCapacity,
    String returnItemCollectionMetrics,
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    String returnValuesOnConditionCheckFailure,
    Map<String, ExpectedCondition> expected,
    String conditionalOperator) {}
