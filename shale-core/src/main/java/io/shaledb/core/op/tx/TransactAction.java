package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One action of TransactWriteItems, as decoded: any field may be null. */
public sealed interface TransactAction {
  @Nullable String tableName();

  @Nullable String conditionExpression();

  @Nullable Map<String, String> expressionAttributeNames();

  @Nullable Map<String, AttributeValue> expressionAttributeValues();

  @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure();

  record Put(@Nullable String tableName, @Nullable Map<String, AttributeValue> item, @Nullable String conditionExpression,
      @Nullable Map<String, String> expressionAttributeNames, @Nullable Map<String, AttributeValue> expressionAttributeValues,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) implements TransactAction {}

  record Update(@Nullable String tableName, @Nullable Map<String, AttributeValue> key, @Nullable String updateExpression,
      @Nullable String conditionExpression, @Nullable Map<String, String> expressionAttributeNames,
      @Nullable Map<String, AttributeValue> expressionAttributeValues, @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure)
      implements TransactAction {}

  record Delete(@Nullable String tableName, @Nullable Map<String, AttributeValue> key, @Nullable String conditionExpression,
      @Nullable Map<String, String> expressionAttributeNames, @Nullable Map<String, AttributeValue> expressionAttributeValues,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) implements TransactAction {}

  record ConditionCheck(@Nullable String tableName, @Nullable Map<String, AttributeValue> key, @Nullable String conditionExpression,
      @Nullable Map<String, String> expressionAttributeNames, @Nullable Map<String, AttributeValue> expressionAttributeValues,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) implements TransactAction {}
}
