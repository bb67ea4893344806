package io.shaledb.core.partiql.ast;

import java.util.List;
import java.util.Optional;

/** One PartiQL statement, as DynamoDB accepts them: a SELECT, INSERT, UPDATE or DELETE on one table. */
public sealed interface Statement {

  /** The table the statement names (without its index, for a SELECT from an index). */
  String table();

  /** How many {@code ?} parameters the statement holds, in order of appearance. */
  int parameterCount();

  /**
   * {@code SELECT projection FROM "table"["."index"] [WHERE where] [ORDER BY ...]}.
   *
   * @param projection the paths selected, or empty for {@code *}
   * @param index the index read, if {@code FROM "table"."index"}
   */
  record Select(List<Expr.PathExpr> projection, String table, Optional<String> index, Optional<Expr> where,
      List<OrderBy> orderBy, int parameterCount) implements Statement {
    public Select {
      projection = List.copyOf(projection);
      orderBy = List.copyOf(orderBy);
    }
  }

  /** {@code INSERT INTO "table" VALUE item}: the item a tuple literal or a parameter. */
  record Insert(String table, Expr item, int parameterCount) implements Statement {}

  /** {@code UPDATE "table" SET ... REMOVE ... WHERE where [RETURNING returning]}, its actions in written order. */
  record Update(String table, List<UpdateAction> actions, Expr where, Returning returning, int parameterCount)
      implements Statement {
    public Update {
      actions = List.copyOf(actions);
    }
  }

  /** {@code DELETE FROM "table" WHERE where [RETURNING returning]}. */
  record Delete(String table, Expr where, Returning returning, int parameterCount) implements Statement {}

  /**
   * {@code EXISTS(SELECT ...)}: in ExecuteTransaction, a check that the one item the SELECT names satisfies its WHERE.
   */
  record Exists(Select select) implements Statement {
    @Override
    public String table() {
      return select.table();
    }

    @Override
    public int parameterCount() {
      return select.parameterCount();
    }
  }

  /** One {@code ORDER BY} term. */
  record OrderBy(Expr.PathExpr path, boolean descending) {}
}
