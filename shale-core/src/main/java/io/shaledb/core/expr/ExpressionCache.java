package io.shaledb.core.expr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.parse.Parser;
import java.util.List;

/**
 * Parsed expressions by kind and text: applications send the same few expressions over and over, so each is
 * parsed once. Each kind's cache is bounded by size and evicts what is least likely to be used again (Caffeine's
 * admission policy), so a burst of one-off expressions does not push out the common ones. Invalid expressions are not
 * kept: the parser's exception passes through.
 */
public final class ExpressionCache {
  private static final int MAX_ENTRIES_PER_KIND = 10_000;

  private record ConditionKey(ExpressionKind kind, String text) {}

  private final Cache<ConditionKey, Condition> conditions = bounded();
  private final Cache<String, Update> updates = bounded();
  private final Cache<String, List<Path>> projections = bounded();

  private static <K, V> Cache<K, V> bounded() {
    return Caffeine.newBuilder().maximumSize(MAX_ENTRIES_PER_KIND).build();
  }

  public Condition condition(ExpressionKind kind, String text) {
    return conditions.get(new ConditionKey(kind, text), key -> Parser.condition(key.kind(), key.text()));
  }

  public Update update(String text) {
    return updates.get(text, Parser::update);
  }

  public List<Path> projection(String text) {
    return projections.get(text, Parser::projection);
  }
}
