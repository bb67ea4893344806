package io.shaledb.core.expr;

import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.parse.Parser;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed expressions by kind and text: applications send the same few expressions over and over, so each is
 * parsed once. Bounded: when full it starts over, which costs only re-parsing. Invalid expressions are not kept.
 */
public final class ExpressionCache {
  private static final int MAX_ENTRIES = 10_000;

  private record Key(ExpressionKind kind, String text) {}

  private final ConcurrentHashMap<Key, Object> parsed = new ConcurrentHashMap<>();

  public Condition condition(ExpressionKind kind, String text) {
    return (Condition) get(kind, text, t -> Parser.condition(kind, t));
  }

  public Update update(String text) {
    return (Update) get(ExpressionKind.UPDATE, text, Parser::update);
  }

  @SuppressWarnings("unchecked")
  public List<Path> projection(String text) {
    return (List<Path>) get(ExpressionKind.PROJECTION, text, Parser::projection);
  }

  private Object get(ExpressionKind kind, String text, Function<String, Object> parser) {
    Key key = new Key(kind, text);
    Object tree = parsed.get(key);
    if (tree == null) {
      tree = parser.apply(text);
      if (parsed.size() >= MAX_ENTRIES) {
        parsed.clear();
      }
      parsed.put(key, tree);
    }
    return tree;
  }
}
