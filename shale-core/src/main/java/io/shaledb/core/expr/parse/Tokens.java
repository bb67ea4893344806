package io.shaledb.core.expr.parse;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.parse.Token.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The tokens of one expression and the parser's position in them. It pairs parentheses up front, so the parser can
 * see past a group (is {@code (a.b)} an operand or {@code (a = b)} a condition?) without backtracking.
 */
final class Tokens {
  private final ExpressionKind kind;
  private final String text;
  private final List<Token> tokens;
  /** For each opening parenthesis, the index of its closing one; -1 where there is none. */
  private final int[] closing;
  private int position;

  Tokens(ExpressionKind kind, String text) {
    this.kind = kind;
    this.text = text;
    this.tokens = Lexer.tokenize(text);
    this.closing = pairParentheses(tokens);
  }

  private static int[] pairParentheses(List<Token> tokens) {
    int[] closing = new int[tokens.size()];
    Arrays.fill(closing, -1);
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Type type = tokens.get(i).type();
      if (type == Type.LPAREN) {
        open.push(i);
      } else if (type == Type.RPAREN && !open.isEmpty()) {
        closing[open.pop()] = i;
      }
    }
    return closing;
  }

  /**
   * The operators and functions in the expression, as DynamoDB counts them against its limit. Grammar keywords are
   * never names, so counting tokens equals counting the tree: a comparator, AND, OR, NOT, BETWEEN (whose AND is part
   * of it), IN, + and - and each function call count once; the = of a SET action assigns and does not count.
   */
  int operatorCount() {
    int count = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      count += switch (t.type()) {
        case EQ -> kind == ExpressionKind.UPDATE ? 0 : 1;
        case NE, LT, LE, GT, GE, PLUS, MINUS -> 1;
        case NAME -> tokens.get(i + 1).type() == Type.LPAREN || t.isKeyword("OR") || t.isKeyword("AND")
            || t.isKeyword("NOT") || t.isKeyword("IN") ? 1 : 0;
        default -> 0;
      };
    }
    return count;
  }

  Token peek() {
    return tokens.get(position);
  }

  Token peekAt(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  boolean at(Type type) {
    return peek().type() == type;
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  /** True at {@code name(}: a function call. */
  boolean atCall() {
    return at(Type.NAME) && peekAt(1).type() == Type.LPAREN;
  }

  Token next() {
    return tokens.get(position++);
  }

  boolean accept(Type type) {
    if (at(type)) {
      position++;
      return true;
    }
    return false;
  }

  void expect(Type type) {
    if (!accept(type)) {
      throw syntaxError();
    }
  }

  /** The token just after the group opened {@code ahead} tokens from here; EOF where the group never closes. */
  Token afterGroup(int ahead) {
    int open = Math.min(position + ahead, tokens.size() - 1);
    int close = closing[open];
    return close < 0 ? tokens.get(tokens.size() - 1) : tokens.get(close + 1);
  }

  /** True where the group opening here holds nothing but another group: {@code ((x))}. */
  boolean atRedundantGroup() {
    int open = position;
    return at(Type.LPAREN) && peekAt(1).type() == Type.LPAREN && closing[open + 1] >= 0
        && closing[open + 1] + 1 == closing[open];
  }

  /** DynamoDB's syntax error at the current token; "near" spans the token before it to the token after it. */
  DynamoException syntaxError() {
    Token bad = peek();
    int from = position > 0 ? tokens.get(position - 1).start() : bad.start();
    int to = bad.type() != Type.EOF && position + 1 < tokens.size() ? tokens.get(position + 1).end() : bad.end();
    return kind.invalid("Syntax error; token: \"" + bad.display() + "\", near: \"" + text.substring(from, to) + "\"");
  }
}
