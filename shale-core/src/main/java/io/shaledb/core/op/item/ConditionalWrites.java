package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ExpressionKind;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.op.Database;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.List;

/** The parameters PutItem, DeleteItem and UpdateItem share for conditional writes. */
final class ConditionalWrites {
  static final List<String> RETURN_VALUES_ON_FAILURE = List.of("ALL_OLD", "NONE");

  private ConditionalWrites() {}

  static ConstraintViolations checkDeclared(ConstraintViolations v, String returnValuesOnConditionCheckFailure) {
    return v.oneOf("returnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure,
        RETURN_VALUES_ON_FAILURE);
  }

  /** Parses and binds the ConditionExpression, if any. */
  static WriteCondition condition(Database db, Binder binder, String conditionExpression, String returnOnFailure) {
    return new WriteCondition(
        conditionExpression == null ? null
            : binder.bind(ExpressionKind.CONDITION, db.expressions().condition(ExpressionKind.CONDITION,
                conditionExpression)),
        "ALL_OLD".equals(returnOnFailure));
  }

  /** Legacy parameters ShaleDB does not implement yet are refused rather than silently ignored. */
  static void rejectUnsupportedLegacy(List<String> legacyParameters) {
    if (!legacyParameters.isEmpty()) {
      throw DynamoException.validation("ShaleDB does not support the legacy parameters "
          + String.join(", ", legacyParameters) + " yet; use expressions");
    }
  }
}
