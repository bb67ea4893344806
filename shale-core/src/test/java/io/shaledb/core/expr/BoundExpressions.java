package io.shaledb.core.expr;

import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.expr.parse.Parser;
import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Expressions parsed and bound as a request's would be, for tests of the evaluators: the text reads as in a request
 * and the evaluator gets the tree it gets in production.
 */
public final class BoundExpressions {
  private BoundExpressions() {}

  public static Condition condition(String text, Map<String, AttributeValue> values) {
    return new Binder(null, values).bind(ExpressionKind.CONDITION, Parser.condition(ExpressionKind.CONDITION, text));
  }

  public static Update update(String text, Map<String, AttributeValue> values) {
    return new Binder(null, values).bind(Parser.update(text));
  }

  public static List<Path> projection(String text) {
    return new Binder(null, null).bind(ExpressionKind.PROJECTION, Parser.projection(text));
  }
}
