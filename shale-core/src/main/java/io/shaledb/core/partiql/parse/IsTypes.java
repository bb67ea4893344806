package io.shaledb.core.partiql.parse;

import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.parse.Token.Type;
import java.util.Locale;

/**
 * The type after {@code IS [NOT]}. DynamoDB tests the types an attribute value can have (MISSING, NULL, BOOLEAN,
 * BLOB, STRING, NUMERIC, STRUCT or TUPLE, LIST), and refuses PartiQL's other type names, naming the type as PartiQL
 * does and pointing at the IS; any other word is a syntax error. The names and the message are DynamoDB Local 3.3.1's,
 * whose PartiQL front end is the service's.
 */
final class IsTypes {
  private IsTypes() {}

  /** Reads the type after {@code IS [NOT]}; {@code is} is the IS token, where an unsupported type is reported. */
  static Expr.IsKind read(Tokens tokens, Token is) {
    Token name = tokens.peek();
    String word = name.type() == Type.WORD ? name.value().toUpperCase(Locale.ROOT) : "";
    Expr.IsKind supported = switch (word) {
      case "MISSING" -> Expr.IsKind.MISSING;
      case "NULL" -> Expr.IsKind.NULL;
      case "BOOL", "BOOLEAN" -> Expr.IsKind.BOOLEAN;
      case "BLOB" -> Expr.IsKind.BLOB;
      case "STRING" -> Expr.IsKind.STRING;
      case "NUMERIC" -> Expr.IsKind.NUMERIC;
      case "STRUCT", "TUPLE" -> Expr.IsKind.STRUCT;
      case "LIST" -> Expr.IsKind.LIST;
      default -> null;
    };
    if (supported != null) {
      tokens.next();
      if (supported == Expr.IsKind.NUMERIC && tokens.accept(Type.LPAREN)) {
        // NUMERIC(precision[, scale]) is still NUMERIC: DynamoDB's numbers have no declared precision to test.
        tokens.expect(Type.NUMBER);
        if (tokens.accept(Type.COMMA)) {
          tokens.expect(Type.NUMBER);
        }
        tokens.expect(Type.RPAREN);
      }
      return supported;
    }
    String unsupported = switch (word) {
      case "INT", "INTEGER" -> "INTEGER";
      case "DEC", "DECIMAL" -> "DECIMAL";
      case "CHAR" -> "CHARACTER";
      case "VARCHAR" -> "CHARACTER_VARYING";
      case "CHARACTER" -> tokens.peekAt(1).is("VARYING") ? "CHARACTER_VARYING" : "CHARACTER";
      case "DOUBLE" -> tokens.peekAt(1).is("PRECISION") ? "DOUBLE_PRECISION" : null;
      case "TIME" -> timeWithZone(tokens) ? "TIME_WITH_TIME_ZONE" : "TIME";
      case "SMALLINT", "FLOAT", "REAL", "SYMBOL", "CLOB", "SEXP", "BAG", "DATE", "TIMESTAMP" -> word;
      default -> null;
    };
    if (unsupported == null) {
      throw Errors.unexpected(name);
    }
    throw Errors.unsupportedIsType(unsupported, is);
  }

  /** Whether {@code TIME} at the cursor is followed, after an optional precision, by {@code WITH TIME ZONE}. */
  private static boolean timeWithZone(Tokens tokens) {
    int ahead = 1;
    if (tokens.peekAt(ahead).type() == Type.LPAREN) {
      ahead += 3;
    }
    return tokens.peekAt(ahead).is("WITH") && tokens.peekAt(ahead + 1).is("TIME") && tokens.peekAt(ahead + 2).is("ZONE");
  }
}
