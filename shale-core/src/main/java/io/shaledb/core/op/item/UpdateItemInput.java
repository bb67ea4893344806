package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/** UpdateItem's request, as decoded: any field may be null. */
public record UpdateItemInput(
    String tableName,
    Map<String, AttributeValue> key,
    String updateExpression,
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    String returnValues,
    String returnConsumedCapacity,
    String returnItemCollectionMetrics,
    String returnValuesOnConditionCheckFailure,
    Map<String, AttributeUpdate> attributeUpdates,
    Map<String, ExpectedCondition> expected,
    String conditionalOperator) {}
