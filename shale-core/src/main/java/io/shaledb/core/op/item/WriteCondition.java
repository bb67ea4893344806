package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/**
 * A write's ConditionExpression, checked against the item as stored inside the write's transaction. A failure is
 * ConditionalCheckFailedException, carrying the old item when ReturnValuesOnConditionCheckFailure is ALL_OLD.
 *
 * @param condition the bound condition, or null for an unconditional write
 */
record WriteCondition(Condition condition, boolean returnOldOnFailure) {
  static final String FAILED = "The conditional request failed";

  void check(Map<String, AttributeValue> previous) {
    if (condition != null && !ConditionEvaluator.test(condition, previous == null ? Map.of() : previous)) {
      throw new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, FAILED,
          returnOldOnFailure && previous != null ? Map.of("Item", previous) : Map.of());
    }
  }
}
