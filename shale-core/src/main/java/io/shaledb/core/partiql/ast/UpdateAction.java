package io.shaledb.core.partiql.ast;

/** One action of a PartiQL UPDATE: {@code SET path = value} or {@code REMOVE path}. */
public sealed interface UpdateAction {
  Expr.PathExpr path();

  record Set(Expr.PathExpr path, Expr value) implements UpdateAction {}

  record Remove(Expr.PathExpr path) implements UpdateAction {}
}
