package io.shaledb.core.expr.parse;

import io.shaledb.core.expr.parse.Token.Type;
import io.shaledb.core.validate.NameCharacters;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Never fails: characters it does not know become INVALID tokens. */
final class Lexer {
  private Lexer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      Type type;
      if (isNameStart(c)) {
        i = scanWord(text, i + 1);
        type = Type.NAME;
      } else if (c >= '0' && c <= '9') {
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        type = Type.NUMBER;
      } else if (c == '#' || c == ':') {
        i = scanWord(text, i + 1);
        type = i == start + 1 ? Type.INVALID : c == '#' ? Type.NAME_PLACEHOLDER : Type.VALUE_PLACEHOLDER;
      } else {
        i++;
        char next = i < n ? text.charAt(i) : 0;
        type = switch (c) {
          case '(' -> Type.LPAREN;
          case ')' -> Type.RPAREN;
          case '[' -> Type.LBRACKET;
          case ']' -> Type.RBRACKET;
          case ',' -> Type.COMMA;
          case '.' -> Type.DOT;
          case '=' -> Type.EQ;
          case '+' -> Type.PLUS;
          case '-' -> Type.MINUS;
          case '<' -> {
            if (next == '=' || next == '>') {
              i++;
              yield next == '=' ? Type.LE : Type.NE;
            }
            yield Type.LT;
          }
          case '>' -> {
            if (next == '=') {
              i++;
              yield Type.GE;
            }
            yield Type.GT;
          }
          default -> Type.INVALID;
        };
      }
      tokens.add(new Token(type, text.substring(start, i), start, i));
    }
    tokens.add(new Token(Type.EOF, "", n, n));
    return tokens;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static int scanWord(String text, int i) {
    while (i < text.length() && NameCharacters.isWord(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
