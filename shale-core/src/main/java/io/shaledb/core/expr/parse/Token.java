package io.shaledb.core.expr.parse;

/** A lexical token and where it stands in the expression text. */
record Token(Type type, String text, int start, int end) {

  enum Type {
    NAME,
    NAME_PLACEHOLDER,
    VALUE_PLACEHOLDER,
    NUMBER,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    INVALID,
    EOF
  }

  /** True for a NAME spelling {@code keyword} in any case (AND, between, Set...). */
  boolean isKeyword(String keyword) {
    return type == Type.NAME && text.equalsIgnoreCase(keyword);
  }

  /** The token as DynamoDB names it in syntax errors. */
  String display() {
    return type == Type.EOF ? "<EOF>" : text;
  }
}
