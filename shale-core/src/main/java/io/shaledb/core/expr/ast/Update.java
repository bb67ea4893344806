package io.shaledb.core.expr.ast;

import java.util.List;

/** An UpdateExpression: its SET, REMOVE, ADD and DELETE actions, each clause at most once. */
public record Update(List<Action> actions) {
  public Update {
    actions = List.copyOf(actions);
  }

  /** One action of an update, on one path. */
  public sealed interface Action {
    Path path();
  }

  public record Set(Path path, Operand value) implements Action {}

  public record Remove(Path path) implements Action {}

  public record Add(Path path, Operand value) implements Action {}

  public record Delete(Path path, Operand value) implements Action {}
}
