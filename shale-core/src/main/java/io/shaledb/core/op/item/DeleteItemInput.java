package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** DeleteItem's request, as decoded: any field may be null; {@code legacyParameters} names the pre-expression
 * parameters present (Expected, ConditionalOperator). */
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
    List<String> legacyParameters) {}
