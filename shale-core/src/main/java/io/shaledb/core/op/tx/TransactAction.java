package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/** One action of TransactWriteItems, as decoded: any field may be null. */
public sealed interface TransactAction {
  String tableName();

  String conditionExpression();

  Map<String, String> expressionAttributeNames();

  Map<String, AttributeValue> expressionAttributeValues();

  Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure();

  record Put(String tableName, Map<String, AttributeValue> item, String conditionExpression,
      Map<String, String> expressionAttributeNames, Map<String, AttributeValue> expressionAttributeValues,
      Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) implements TransactAction {}

  record Update(String tableName, Map<String, AttributeValue> key, String updateExpression,
      String conditionExpression, Map<String, String> expressionAttributeNames,
      Map<String, AttributeValue> expressionAttributeValues, Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure)
      implements TransactAction {}

  record Delete(String tableName, Map<String, AttributeValue> key, String conditionExpression,
      Map<String, String> expressionAttributeNames, Map<String, AttributeValue> expressionAttributeValues,
      Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) implements TransactAction {}

  record ConditionCheck(String tableName, Map<String, AttributeValue> key, String conditionExpression,
      Map<String, String> expressionAttributeNames, Map<String, AttributeValue> expressionAttributeValues,
      Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) implements TransactAction {}
}
