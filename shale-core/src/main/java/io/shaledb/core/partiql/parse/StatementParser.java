package io.shaledb.core.partiql.parse;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.ast.UpdateAction;
import io.shaledb.core.partiql.parse.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses one PartiQL statement of the subset DynamoDB runs, reporting what it refuses in DynamoDB's words (see
 * {@link Errors}):
 *
 * <pre>
 * SELECT (* | path, ...) FROM table[.index] [WHERE condition] [ORDER BY path [ASC|DESC], ...]
 * INSERT INTO table VALUE item
 * UPDATE table (SET path = value, ... | REMOVE path, ...)... WHERE condition [RETURNING (ALL|MODIFIED) (OLD|NEW) *]
 * FROM table WHERE condition (SET ... | REMOVE ...)... [RETURNING ...]      (UPDATE, written FROM-first)
 * DELETE FROM table WHERE condition [RETURNING ALL OLD *]
 * EXISTS(SELECT ...)                                                        (in ExecuteTransaction)
 * </pre>
 *
 * <p>A name after the table is an alias, which DynamoDB refuses on its own terms; anything else left after a whole
 * statement (a join, GROUP BY, LIMIT, a second table) is "Unexpected token after expression".
 */
public final class StatementParser {
  private final Tokens tokens;
  private final ExpressionParser expressions;

  private StatementParser(String text) {
    this.tokens = new Tokens(text);
    this.expressions = new ExpressionParser(tokens);
  }

  /** The table a statement reads or writes, and the index a SELECT names after it. */
  private record Source(String table, Optional<String> index) {}

  /**
   * @throws io.shaledb.core.error.DynamoException a ValidationException with DynamoDB's message when the text is not
   *     a well-formed statement of the subset DynamoDB supports
   */
  public static Statement parse(String text) {
    StatementParser parser = new StatementParser(text);
    Statement statement = parser.statement();
    parser.tokens.expectEnd();
    parser.expressions.checkInBounds();
    return statement;
  }

  private Statement statement() {
    Token first = tokens.next();
    String keyword = first.type() == Type.WORD ? first.value().toUpperCase(Locale.ROOT) : "";
    return switch (keyword) {
      case "SELECT" -> select();
      case "INSERT" -> insert();
      case "UPDATE" -> update();
      case "DELETE" -> delete();
      case "FROM" -> fromFirstUpdate();
      case "EXISTS" -> exists();
      default -> throw Errors.malformed(Errors.EXPECTED_DML);
    };
  }

  private Statement.Select select() {
    List<Expr.PathExpr> projection = projection();
    tokens.expectKeyword("FROM");
    Source source = source();
    refuseAlias();
    Optional<Expr> where = tokens.acceptKeyword("WHERE") ? Optional.of(expressions.condition()) : Optional.empty();
    List<Statement.OrderBy> orderBy = tokens.acceptKeyword("ORDER") ? orderBy() : List.of();
    return new Statement.Select(projection, source.table(), source.index(), where, orderBy,
        tokens.parameterCount());
  }

  /** {@code *} (empty) or paths; anything else in their place (a call such as COUNT(*), a literal) is refused. */
  private List<Expr.PathExpr> projection() {
    if (tokens.accept(Type.STAR)) {
      return List.of();
    }
    List<Expr.PathExpr> paths = new ArrayList<>();
    do {
      if (!expressions.atPath()) {
        throw Errors.unexpectedPathComponent(tokens.peek());
      }
      paths.add(expressions.path());
    } while (tokens.accept(Type.COMMA));
    return paths;
  }

  private List<Statement.OrderBy> orderBy() {
    tokens.expectKeyword("BY");
    List<Statement.OrderBy> terms = new ArrayList<>();
    do {
      if (!expressions.atPath()) {
        throw Errors.unexpectedTerm(tokens.peek());
      }
      Expr.PathExpr path = expressions.path();
      boolean descending = tokens.acceptKeyword("DESC");
      if (!descending) {
        tokens.acceptKeyword("ASC");
      }
      terms.add(new Statement.OrderBy(path, descending));
    } while (tokens.accept(Type.COMMA));
    return terms;
  }

  private Statement.Insert insert() {
    tokens.expectKeyword("INTO");
    String table = singleTable();
    if (tokens.peek().isName()) {
      // DynamoDB reads the name after INSERT's table as left over, not as an alias.
      throw Errors.malformed(Errors.LEFTOVER);
    }
    tokens.expectKeyword("VALUE");
    Expr item = expressions.item();
    if (tokens.atKeyword("RETURNING")) {
      // DynamoDB Local 3.3.1's words.
      throw DynamoException.validation("RETURNING is not supported in INSERT");
    }
    return new Statement.Insert(table, item, tokens.parameterCount());
  }

  private Statement.Update update() {
    String table = singleTable();
    refuseAlias();
    List<UpdateAction> actions = actions();
    Expr where = where();
    return new Statement.Update(table, actions, where, returning(), tokens.parameterCount());
  }

  private Statement.Update fromFirstUpdate() {
    String table = singleTable();
    refuseAlias();
    Expr where = where();
    List<UpdateAction> actions = actions();
    return new Statement.Update(table, actions, where, returning(), tokens.parameterCount());
  }

  private Statement.Delete delete() {
    tokens.expectKeyword("FROM");
    String table = singleTable();
    refuseAlias();
    Expr where = where();
    Returning returning = returning();
    if (returning != Returning.NONE && returning != Returning.ALL_OLD) {
      throw Errors.deleteReturning("RETURNING " + returning.name().replace('_', ' ') + " *");
    }
    return new Statement.Delete(table, where, returning, tokens.parameterCount());
  }

  /**
   * The WHERE of a write. One left out altogether names no key, which DynamoDB Local 3.3.1 answers before it looks the
   * table up, as it answers a WHERE without the whole key.
   */
  private Expr where() {
    if (tokens.at(Type.EOF)) {
      throw DynamoException.validation("Where clause does not contain a mandatory equality on all key attributes");
    }
    tokens.expectKeyword("WHERE");
    return expressions.condition();
  }

  private Statement.Exists exists() {
    tokens.expect(Type.LPAREN);
    tokens.expectKeyword("SELECT");
    Statement.Select select = select();
    tokens.expect(Type.RPAREN);
    return new Statement.Exists(select);
  }

  /** SET and REMOVE clauses, at least one, in any order and repeated as DynamoDB allows. */
  private List<UpdateAction> actions() {
    List<UpdateAction> actions = new ArrayList<>();
    while (true) {
      if (tokens.acceptKeyword("SET")) {
        do {
          Expr.PathExpr path = target();
          tokens.expect(Type.EQ);
          actions.add(new UpdateAction.Set(path, expressions.assignment(path)));
        } while (tokens.accept(Type.COMMA));
      } else if (tokens.acceptKeyword("REMOVE")) {
        do {
          actions.add(new UpdateAction.Remove(target()));
        } while (tokens.accept(Type.COMMA));
      } else if (actions.isEmpty()) {
        throw Errors.malformed(Errors.EXPECTED_DML);
      } else {
        return actions;
      }
    }
  }

  private Expr.PathExpr target() {
    if (!expressions.atPath()) {
      throw Errors.unexpectedTerm(tokens.peek());
    }
    return expressions.path();
  }

  private Returning returning() {
    if (!tokens.acceptKeyword("RETURNING")) {
      return Returning.NONE;
    }
    Token scope = tokens.next();
    Token version = tokens.next();
    tokens.expect(Type.STAR);
    String words = scope.value().toUpperCase(Locale.ROOT) + "_" + version.value().toUpperCase(Locale.ROOT);
    return switch (words) {
      case "ALL_OLD" -> Returning.ALL_OLD;
      case "MODIFIED_OLD" -> Returning.MODIFIED_OLD;
      case "ALL_NEW" -> Returning.ALL_NEW;
      case "MODIFIED_NEW" -> Returning.MODIFIED_NEW;
      default -> throw Errors.malformed(Errors.UNEXPECTED_TOKEN);
    };
  }

  /** A write names its table alone: an index after it is refused. */
  private String singleTable() {
    Source source = source();
    if (source.index().isPresent()) {
      throw Errors.indexInDataManipulation();
    }
    return source.table();
  }

  /** {@code "table"} or {@code "table"."index"}, quoted or not; at most two components, none empty. */
  private Source source() {
    List<String> components = new ArrayList<>();
    do {
      Token name = tokens.next();
      if (!name.isName()) {
        throw Errors.unexpectedTerm(name);
      }
      if (name.value().isEmpty()) {
        throw Errors.emptyPathComponent();
      }
      components.add(name.value());
    } while (tokens.accept(Type.DOT));
    if (components.size() > 2) {
      throw Errors.tooManyFromComponents();
    }
    return new Source(components.get(0), components.size() == 2 ? Optional.of(components.get(1)) : Optional.empty());
  }

  /** A name after the table, with or without AS, is an alias. */
  private void refuseAlias() {
    Token next = tokens.peek();
    if (next.is("AS") || next.isName()) {
      throw Errors.aliasing();
    }
  }
}
