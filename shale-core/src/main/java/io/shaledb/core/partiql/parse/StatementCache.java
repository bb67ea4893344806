package io.shaledb.core.partiql.parse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shaledb.core.partiql.ast.Statement;

/**
 * Parsed statements by text: applications send the same statements over and over with different parameters, so each
 * is parsed once. Bounded by size, evicting what is least likely to be used again (Caffeine's admission policy), so a
 * burst of one-off statements (literals written into the text) does not push out the common ones. A statement that
 * does not parse is not kept: the parser's exception passes through.
 */
public final class StatementCache {
  private static final int MAX_ENTRIES = 10_000;

  private final Cache<String, Statement> statements = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  public Statement parse(String text) {
    return statements.get(text, StatementParser::parse);
  }
}
