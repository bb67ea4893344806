package io.shaledb.core.op.item;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.validate.Choice;

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
    Choice<ReturnValue> returnValues,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics,
    Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure,
    Map<String, AttributeUpdate> attributeUpdates,
    Map<String, ExpectedCondition> expected,
    Choice<ConditionalOperator> conditionalOperator) {}
