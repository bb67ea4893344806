package io.shaledb.core.op.partiql;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.ast.UpdateAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Statements built by hand, as the parser would build them, for tests of execution; and a parser that answers the
 * statements a test registered under their text.
 */
final class Ast implements Function<String, Statement> {
  private final Map<String, Statement> statements = new HashMap<>();

  /** Registers {@code statement} as the parse of {@code text}; returns the text. */
  String define(String text, Statement statement) {
    statements.put(text, statement);
    return text;
  }

  @Override
  public Statement apply(String text) {
    Statement statement = statements.get(text);
    if (statement == null) {
      throw DynamoException.validation("Statement wasn't well formed, can't be processed: " + text);
    }
    return statement;
  }

  /** An item a read answered, whatever its form. */
  static Map<String, AttributeValue> attributes(PageItem item) {
    return switch (item) {
      case PageItem.Decoded decoded -> decoded.attributes();
      case PageItem.Stored stored -> ItemCodec.decode(stored.bytes());
    };
  }

  static Expr.PathExpr path(String top, Object... steps) {
    List<Expr.Step> all = new ArrayList<>(List.of(new Expr.Step.Name(top)));
    for (Object step : steps) {
      all.add(step instanceof Integer index ? new Expr.Step.Index(index) : new Expr.Step.Name((String) step));
    }
    return new Expr.PathExpr(all);
  }

  static Expr value(AttributeValue value) {
    return new Expr.Literal(value);
  }

  static Expr param(int index) {
    return new Expr.Parameter(index);
  }

  static Expr eq(Expr left, Expr right) {
    return new Expr.Comparison(left, Comparator.EQ, right);
  }

  static Expr compare(Expr left, Comparator op, Expr right) {
    return new Expr.Comparison(left, op, right);
  }

  static Expr and(Expr left, Expr right) {
    return new Expr.And(left, right);
  }

  static Expr call(Expr.Function function, Expr... arguments) {
    return new Expr.Call(function, List.of(arguments));
  }

  static Statement.Select selectAll(String table, Expr where, int parameters) {
    return new Statement.Select(List.of(), table, Optional.empty(), Optional.ofNullable(where), List.of(), parameters);
  }

  static Statement.Select select(List<Expr.PathExpr> projection, String table, Optional<String> index, Expr where,
      List<Statement.OrderBy> orderBy) {
    return new Statement.Select(projection, table, index, Optional.ofNullable(where), orderBy, 0);
  }

  static Statement.Insert insert(String table, Map<String, Expr> item, int parameters) {
    return new Statement.Insert(table, new Expr.TupleExpr(item.entrySet().stream()
        .map(e -> new Expr.TupleExpr.Entry(e.getKey(), e.getValue())).toList()), parameters);
  }

  static Statement.Update update(String table, List<UpdateAction> actions, Expr where, Returning returning) {
    return new Statement.Update(table, actions, where, returning, 0);
  }

  static UpdateAction set(Expr.PathExpr path, Expr value) {
    return new UpdateAction.Set(path, value);
  }

  static UpdateAction remove(Expr.PathExpr path) {
    return new UpdateAction.Remove(path);
  }

  static Statement.Delete delete(String table, Expr where, Returning returning) {
    return new Statement.Delete(table, where, returning, 0);
  }
}
