package io.shaledb.core.partiql.parse;

import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.ast.UpdateAction;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders statements as PartiQL text for the round-trip test: every operator in parentheses, so the text denotes the
 * tree whatever the precedence, and each {@code ?} printed where the tree has it (parameters must be numbered in that
 * order). Spelling varies with the random source (keyword case, how a path step is written) to cover the forms the
 * parser accepts for the same tree.
 */
final class StatementPrinter {
  private final Random random;

  StatementPrinter(Random random) {
    this.random = random;
  }

  String print(Statement statement) {
    return switch (statement) {
      case Statement.Select s -> select(s);
      case Statement.Insert s -> keyword("INSERT INTO ") + name(s.table()) + keyword(" VALUE ") + expr(s.item());
      case Statement.Update s -> keyword("UPDATE ") + name(s.table()) + " " + actions(s.actions())
          + keyword(" WHERE ") + expr(s.where()) + returning(s.returning());
      case Statement.Delete s -> keyword("DELETE FROM ") + name(s.table()) + keyword(" WHERE ") + expr(s.where())
          + returning(s.returning());
      case Statement.Exists s -> keyword("EXISTS") + "(" + select(s.select()) + ")";
    };
  }

  private String select(Statement.Select s) {
    String projection = s.projection().isEmpty() ? "*" : join(s.projection(), this::path);
    String from = name(s.table()) + s.index().map(index -> "." + name(index)).orElse("");
    String where = s.where().map(w -> keyword(" WHERE ") + expr(w)).orElse("");
    String orderBy = s.orderBy().isEmpty() ? "" : keyword(" ORDER BY ") + join(s.orderBy(),
        o -> path(o.path()) + (o.descending() ? keyword(" DESC") : random.nextBoolean() ? keyword(" ASC") : ""));
    return keyword("SELECT ") + projection + keyword(" FROM ") + from + where + orderBy;
  }

  private String actions(List<UpdateAction> actions) {
    return actions.stream().map(action -> switch (action) {
      case UpdateAction.Set set -> keyword("SET ") + path(set.path()) + " = " + expr(set.value());
      case UpdateAction.Remove remove -> keyword("REMOVE ") + path(remove.path());
    }).collect(Collectors.joining(" "));
  }

  private String returning(Returning returning) {
    return switch (returning) {
      case NONE -> "";
      case ALL_OLD -> keyword(" RETURNING ALL OLD *");
      case MODIFIED_OLD -> keyword(" RETURNING MODIFIED OLD *");
      case ALL_NEW -> keyword(" RETURNING ALL NEW *");
      case MODIFIED_NEW -> keyword(" RETURNING MODIFIED NEW *");
    };
  }

  String expr(Expr expr) {
    return switch (expr) {
      case Expr.Literal l -> literal(l.value());
      case Expr.Missing m -> keyword("MISSING");
      case Expr.Parameter p -> "?";
      case Expr.PathExpr p -> path(p);
      case Expr.ListExpr l -> "[" + join(l.elements(), this::expr) + "]";
      case Expr.TupleExpr t -> "{" + join(t.entries(), e -> string(e.key()) + ": " + expr(e.value())) + "}";
      case Expr.BagExpr b -> "<<" + join(b.elements(), this::expr) + ">>";
      case Expr.Comparison c -> "(" + expr(c.left()) + " " + operator(c.op()) + " " + expr(c.right()) + ")";
      case Expr.Between b -> "(" + expr(b.value()) + keyword(" BETWEEN ") + expr(b.low()) + keyword(" AND ")
          + expr(b.high()) + ")";
      case Expr.In in -> "(" + expr(in.value()) + keyword(" IN ") + (random.nextBoolean()
          ? "[" + join(in.candidates(), this::expr) + "]" : "(" + join(in.candidates(), this::expr) + ")") + ")";
      case Expr.Is is -> "(" + expr(is.value()) + keyword(" IS ") + (is.negated() ? keyword("NOT ") : "")
          + keyword(is.kind().name()) + ")";
      case Expr.And a -> "(" + expr(a.left()) + keyword(" AND ") + expr(a.right()) + ")";
      case Expr.Or o -> "(" + expr(o.left()) + keyword(" OR ") + expr(o.right()) + ")";
      case Expr.Not n -> "(" + keyword("NOT ") + expr(n.operand()) + ")";
      case Expr.Call c -> keyword(c.function().name()) + "(" + join(c.arguments(), this::expr) + ")";
      case Expr.Arithmetic a -> "(" + expr(a.left()) + (a.op() == Expr.ArithmeticOp.ADD ? " + " : " - ")
          + expr(a.right()) + ")";
    };
  }

  private String literal(AttributeValue value) {
    return switch (value) {
      case AttributeValue.S s -> string(s.value());
      case AttributeValue.N n -> n.value().toString();
      case AttributeValue.Bool b -> keyword(b.value() ? "TRUE" : "FALSE");
      case AttributeValue.Null n -> keyword("NULL");
      case AttributeValue.B b -> throw new IllegalArgumentException("no binary literal in PartiQL");
      case AttributeValue.SS s -> throw new IllegalArgumentException("sets are bags");
      case AttributeValue.NS s -> throw new IllegalArgumentException("sets are bags");
      case AttributeValue.BS s -> throw new IllegalArgumentException("sets are bags");
      case AttributeValue.M m -> throw new IllegalArgumentException("maps are tuples");
      case AttributeValue.L l -> throw new IllegalArgumentException("lists are list constructors");
    };
  }

  private String path(Expr.PathExpr path) {
    StringBuilder text = new StringBuilder(name(path.topLevelName()));
    for (Expr.Step step : path.steps().subList(1, path.steps().size())) {
      text.append(switch (step) {
        case Expr.Step.Name n -> random.nextBoolean() ? "." + name(n.name()) : "[" + string(n.name()) + "]";
        case Expr.Step.Index i -> "[" + i.index() + "]";
      });
    }
    return text.toString();
  }

  private static String operator(Comparator op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  private static String name(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private String keyword(String keyword) {
    return random.nextBoolean() ? keyword.toLowerCase(Locale.ROOT) : keyword;
  }

  private static <T> String join(List<T> items, Function<T, String> render) {
    return items.stream().map(render).collect(Collectors.joining(", "));
  }
}
