package io.shaledb.core.op.item;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** DeleteItem's request, as decoded: any field may be null. */
public record DeleteItemInput(
    @Nullable String tableName,
    @Nullable Map<String, AttributeValue> key,
    @Nullable Choice<ReturnValue> returnValues,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    @Nullable Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics,
    @Nullable String conditionExpression,
    @Nullable Map<String, String> expressionAttributeNames,
    @Nullable Map<String, AttributeValue> expressionAttributeValues,
    @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure,
    @Nullable Map<String, ExpectedCondition> expected,
    @Nullable Choice<ConditionalOperator> conditionalOperator) {}
