package io.shaledb.core.partiql.parse;

/**
 * A lexical token of a statement: its kind, its value (a quoted name or string without its quotes and escapes, else
 * the text as written), whether it is an unquoted reserved word (looked up once, as the parser asks often), and where
 * it stands, as DynamoDB reports positions: line and column from 1, length in characters as written.
 */
record Token(Type type, String value, boolean isReserved, int line, int column, int length) {

  enum Type {
    /** An unquoted word: a keyword, a function name or an attribute name. */
    WORD,
    /** A double-quoted name. */
    QUOTED_NAME,
    /** A single-quoted string literal. */
    STRING,
    NUMBER,
    PARAMETER,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    LBRACE,
    RBRACE,
    BAG_OPEN,
    BAG_CLOSE,
    COMMA,
    DOT,
    COLON,
    STAR,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    EOF
  }

  /** True for an unquoted word spelling {@code keyword} in any case. */
  boolean is(String keyword) {
    return type == Type.WORD && value.equalsIgnoreCase(keyword);
  }

  /** True for a name: double-quoted, or an unquoted word that is not reserved. */
  boolean isName() {
    return type == Type.QUOTED_NAME || (type == Type.WORD && !isReserved);
  }

  /** The token's position as DynamoDB's messages give it: {@code line:column:length}. */
  String position() {
    return line + ":" + column + ":" + length;
  }
}
