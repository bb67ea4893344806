package io.shaledb.core.partiql.parse;

import io.shaledb.core.partiql.parse.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into tokens, skipping whitespace, {@code --} line comments and block comments. What it cannot
 * read (an unterminated quote or comment, a character outside the language such as {@code #}) gets DynamoDB's
 * envelope with nothing after it.
 */
final class Lexer {
  private final String text;
  private final List<Token> tokens;
  private int position;
  private int line = 1;
  private int lineStart;

  private Lexer(String text) {
    this.text = text;
    // A token and the blank after it take a few characters: sized so that typical statements never regrow the list.
    this.tokens = new ArrayList<>(text.length() / 4 + 2);
  }

  static List<Token> tokenize(String text) {
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    int n = text.length();
    while (skipBlank()) {
      int start = position;
      int column = start - lineStart + 1;
      char c = text.charAt(position);
      Type type;
      String value;
      if (isWordStart(c)) {
        position++;
        while (position < n && isWordPart(text.charAt(position))) {
          position++;
        }
        type = Type.WORD;
        value = text.substring(start, position);
      } else if (c == '"' || c == '\'') {
        value = quoted(c);
        type = c == '"' ? Type.QUOTED_NAME : Type.STRING;
      } else if (isDigit(c) || (c == '.' && position + 1 < n && isDigit(text.charAt(position + 1)))) {
        scanNumber();
        type = Type.NUMBER;
        value = text.substring(start, position);
      } else {
        type = punctuation(c);
        value = text.substring(start, position);
      }
      boolean reserved = type == Type.WORD && Keywords.isReserved(value);
      tokens.add(new Token(type, value, reserved, line, column, position - start));
    }
    tokens.add(new Token(Type.EOF, "", false, line, position - lineStart + 1, 0));
  }

  /** Skips whitespace and comments; false at the end of the text. */
  private boolean skipBlank() {
    int n = text.length();
    while (position < n) {
      char c = text.charAt(position);
      if (c == '\n') {
        position++;
        line++;
        lineStart = position;
      } else if (Character.isWhitespace(c)) {
        position++;
      } else if (text.startsWith("--", position)) {
        while (position < n && text.charAt(position) != '\n') {
          position++;
        }
      } else if (text.startsWith("/*", position)) {
        int end = text.indexOf("*/", position + 2);
        if (end < 0) {
          throw Errors.malformed("");
        }
        for (int i = position; i < end; i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        position = end + 2;
      } else {
        return true;
      }
    }
    return false;
  }

  /** A quoted name or string; the quote doubled stands for itself. */
  private String quoted(char quote) {
    StringBuilder value = new StringBuilder();
    int n = text.length();
    position++;
    while (true) {
      if (position >= n) {
        throw Errors.malformed("");
      }
      char c = text.charAt(position++);
      if (c == quote) {
        if (position < n && text.charAt(position) == quote) {
          value.append(quote);
          position++;
        } else {
          return value.toString();
        }
      } else {
        if (c == '\n') {
          line++;
          lineStart = position;
        }
        value.append(c);
      }
    }
  }

  /** Digits, an optional fraction and an optional exponent; {@code .5} has no leading digit. */
  private void scanNumber() {
    skipDigits();
    if (position < text.length() && text.charAt(position) == '.') {
      position++;
      skipDigits();
    }
    if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      int exponent = position + 1;
      if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < text.length() && isDigit(text.charAt(exponent))) {
        position = exponent;
        skipDigits();
      }
    }
  }

  private void skipDigits() {
    while (position < text.length() && isDigit(text.charAt(position))) {
      position++;
    }
  }

  private Type punctuation(char c) {
    position++;
    char next = position < text.length() ? text.charAt(position) : 0;
    Type twoCharacters = switch (c) {
      case '<' -> next == '<' ? Type.BAG_OPEN : next == '=' ? Type.LE : next == '>' ? Type.NE : null;
      case '>' -> next == '>' ? Type.BAG_CLOSE : next == '=' ? Type.GE : null;
      case '!' -> next == '=' ? Type.NE : null;
      default -> null;
    };
    if (twoCharacters != null) {
      position++;
      return twoCharacters;
    }
    return switch (c) {
      case '(' -> Type.LPAREN;
      case ')' -> Type.RPAREN;
      case '[' -> Type.LBRACKET;
      case ']' -> Type.RBRACKET;
      case '{' -> Type.LBRACE;
      case '}' -> Type.RBRACE;
      case ',' -> Type.COMMA;
      case '.' -> Type.DOT;
      case ':' -> Type.COLON;
      case '*' -> Type.STAR;
      case '?' -> Type.PARAMETER;
      case '=' -> Type.EQ;
      case '<' -> Type.LT;
      case '>' -> Type.GT;
      case '+' -> Type.PLUS;
      case '-' -> Type.MINUS;
      default -> throw Errors.malformed("");
    };
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
