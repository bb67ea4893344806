package io.shaledb.core.partiql.parse;

import io.shaledb.core.partiql.parse.Token.Type;
import java.util.List;

/** The tokens of one statement, the parser's position in them, and the {@code ?} parameters met so far. */
final class Tokens {
  private final List<Token> tokens;
  private int position;
  private int parameters;

  Tokens(String text) {
    this.tokens = Lexer.tokenize(text);
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
    return peek().is(keyword);
  }

  Token next() {
    Token token = tokens.get(position);
    if (token.type() != Type.EOF) {
      position++;
    }
    return token;
  }

  boolean accept(Type type) {
    if (at(type)) {
      position++;
      return true;
    }
    return false;
  }

  boolean acceptKeyword(String keyword) {
    if (atKeyword(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  Token expect(Type type) {
    if (!at(type)) {
      throw Errors.unexpected(peek());
    }
    return next();
  }

  void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw Errors.unexpected(peek());
    }
  }

  /** The index of the next {@code ?}: parameters are numbered in order of appearance, and parsing never goes back. */
  int nextParameter() {
    return parameters++;
  }

  int parameterCount() {
    return parameters;
  }

  /** After a whole statement only the end may follow. */
  void expectEnd() {
    if (!at(Type.EOF)) {
      throw Errors.malformed(Errors.LEFTOVER);
    }
  }
}
