package io.shaledb.core.op.item;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.write.WriteCondition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parameters PutItem, DeleteItem and UpdateItem share for conditional writes. */
final class ConditionalWrites {
  private ConditionalWrites() {}

  static ConstraintViolations checkDeclared(ConstraintViolations v,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {
    return v.oneOf("returnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure,
        ReturnValuesOnConditionCheckFailure.values());
  }

  /**
   * The declared constraints PutItem, DeleteItem and UpdateItem share, in DynamoDB's order; the caller may add its
   * own before throwing.
   *
   * @param target "item" or "key", the member naming the item
   */
  static ConstraintViolations checkDeclared(@Nullable String tableName, String target, @Nullable Object targetValue,
      @Nullable Choice<ReturnValue> returnValues, @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity,
      @Nullable Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure,
      @Nullable Map<String, ExpectedCondition> expected, @Nullable Choice<ConditionalOperator> conditionalOperator) {
    // DynamoDB reports a bad table name of these writes on its own, before their other constraints.
    TableNames.ofItemOperation(new ConstraintViolations(), tableName).throwIfAny();
    ConstraintViolations v = new ConstraintViolations();
    v.notNull(target, targetValue);
    CommonParameters.returnValues(v, returnValues);
    CommonParameters.returnConsumedCapacity(v, returnConsumedCapacity);
    CommonParameters.returnItemCollectionMetrics(v, returnItemCollectionMetrics);
    LegacyParameters.checkDeclared(v, "expected", expected, conditionalOperator);
    return checkDeclared(v, returnValuesOnConditionCheckFailure);
  }

  /**
   * The condition of a write whose only expression is its ConditionExpression, checked to use every name and value;
   * with the binder, which checks the paths against the table once it has been looked up.
   */
  record Bound(WriteCondition condition, Binder binder) {}

  static Bound conditionOnly(Database db, @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values,
      @Nullable String conditionExpression, @Nullable Map<String, ExpectedCondition> expected,
      @Nullable Choice<ConditionalOperator> conditionalOperator, @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure) {
    RequestExpressions.checkParameters(List.of(Parameter.of("ConditionExpression", conditionExpression)),
        List.of(Parameter.of("Expected", expected), Parameter.of("ConditionalOperator", conditionalOperator)), names,
        values);
    Binder binder = RequestExpressions.binder(names, values);
    WriteCondition condition = condition(db, binder, conditionExpression, expected, conditionalOperator,
        returnOnFailure);
    binder.checkAllUsed();
    return new Bound(condition, binder);
  }

  /** The write's condition: the bound ConditionExpression or else the legacy Expected; none when neither. */
  static WriteCondition condition(Database db, Binder binder, @Nullable String conditionExpression,
      @Nullable Map<String, ExpectedCondition> expected, @Nullable Choice<ConditionalOperator> conditionalOperator,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure) {
    return new WriteCondition(
        conditionExpression == null ? LegacyParameters.condition(expected, conditionalOperator)
            : binder.bind(ExpressionKind.CONDITION, db.expressions().condition(ExpressionKind.CONDITION,
                conditionExpression)),
        Choice.sent(returnOnFailure, ReturnValuesOnConditionCheckFailure.ALL_OLD));
  }
}
