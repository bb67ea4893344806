package io.shaledb.core.partiql.parse;

import io.shaledb.core.partiql.ast.Statement;

/** Parses one PartiQL statement's text, reporting syntax errors as DynamoDB words them. */
public final class StatementParser {
  private StatementParser() {}

  /**
   * @throws io.shaledb.core.error.DynamoException a ValidationException with DynamoDB's message when the text is not
   *     a well-formed statement of the subset DynamoDB supports
   */
  @SuppressWarnings("DoNotCallSuggester") // a placeholder until the parser lands on this branch
  public static Statement parse(String text) {
    throw new UnsupportedOperationException("the parser is being written on this branch");
  }
}
