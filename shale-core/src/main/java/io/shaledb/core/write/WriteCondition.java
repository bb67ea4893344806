package io.shaledb.core.write;

import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.model.AttributeValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A write's condition (ConditionExpression or the legacy Expected, bound), tested against the item as stored inside
 * the write's transaction.
 *
 * @param condition the bound condition, or null for an unconditional write
 * @param returnOldOnFailure ReturnValuesOnConditionCheckFailure is ALL_OLD: a failure carries the item as it was
 */
public record WriteCondition(@Nullable Condition condition, boolean returnOldOnFailure) {
  public static final WriteCondition NONE = new WriteCondition(null, false);

  public boolean holds(@Nullable Map<String, AttributeValue> previous) {
    return condition == null || ConditionEvaluator.test(condition, previous == null ? Map.of() : previous);
  }
}
