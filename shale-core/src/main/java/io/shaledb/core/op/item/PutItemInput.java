package io.shaledb.core.op.item;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/** PutItem's request, as decoded: any field may be null. */
public record PutItemInput(
    String tableName,
    Map<String, AttributeValue> item,
    Choice<ReturnValue> returnValues,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics,
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure,
    Map<String, ExpectedCondition> expected,
    Choice<ConditionalOperator> conditionalOperator) {}
