package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * UpdateItem's request, as decoded: any field may be null; {@code legacyParameters} names the pre-expression
 * parameters present (AttributeUpdates, Expected, ConditionalOperator).
 */
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
    List<String> legacyParameters) {}
