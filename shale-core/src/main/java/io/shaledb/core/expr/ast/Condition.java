package io.shaledb.core.expr.ast;

import java.util.List;

/** A condition: the tree of a ConditionExpression, FilterExpression or KeyConditionExpression. */
public sealed interface Condition {

  record Comparison(Operand left, Comparator comparator, Operand right) implements Condition {}

  record Between(Operand value, Operand low, Operand high) implements Condition {}

  record In(Operand value, List<Operand> candidates) implements Condition {
    public In {
      candidates = List.copyOf(candidates);
    }
  }

  record And(Condition left, Condition right) implements Condition {}

  record Or(Condition left, Condition right) implements Condition {}

  record Not(Condition condition) implements Condition {}

  record Function(ConditionFunction function, List<Operand> arguments) implements Condition {
    public Function {
      arguments = List.copyOf(arguments);
    }
  }
}
