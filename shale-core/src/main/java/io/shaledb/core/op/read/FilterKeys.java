package io.shaledb.core.op.read;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB's rule that a Query's filter may not name a key attribute of what it reads (the table's key, or the
 * queried index's): those belong in the key condition. The message names the first such attribute in key schema
 * order, as dynalite recorded the service's answers and DynamoDB Local 3.3.1 answers.
 */
final class FilterKeys {
  private FilterKeys() {}

  /** @param legacy whether the filter came from QueryFilter rather than FilterExpression */
  static void check(Condition filter, KeySchema keys, boolean legacy) {
    Set<String> named = new HashSet<>();
    collect(filter, named);
    for (KeyAttribute key : keys.attributes()) {
      if (named.contains(key.name())) {
        throw DynamoException.validation((legacy ? "QueryFilter" : "Filter Expression")
            + " can only contain non-primary key attributes: Primary key attribute: " + key.name());
      }
    }
  }

  /** The top-level attributes a condition names. */
  private static void collect(Condition condition, Set<String> named) {
    switch (condition) {
      case Condition.Comparison c -> collect(List.of(c.left(), c.right()), named);
      case Condition.Between b -> collect(List.of(b.value(), b.low(), b.high()), named);
      case Condition.In in -> {
        collect(List.of(in.value()), named);
        collect(in.candidates(), named);
      }
      case Condition.And and -> {
        collect(and.left(), named);
        collect(and.right(), named);
      }
      case Condition.Or or -> {
        collect(or.left(), named);
        collect(or.right(), named);
      }
      case Condition.Not not -> collect(not.condition(), named);
      case Condition.Function f -> collect(f.arguments(), named);
    }
  }

  private static void collect(List<Operand> operands, Set<String> named) {
    for (Operand operand : operands) {
      collect(operand, named);
    }
  }

  private static void collect(Operand operand, Set<String> named) {
    switch (operand) {
      case Operand.PathOperand p -> named.add(p.path().topLevelName());
      case Operand.Size size -> collect(size.operand(), named);
      case Operand.IfNotExists ifNotExists -> {
        named.add(ifNotExists.path().topLevelName());
        collect(ifNotExists.fallback(), named);
      }
      case Operand.ListAppend append -> collect(List.of(append.first(), append.second()), named);
      case Operand.Arithmetic arithmetic -> collect(List.of(arithmetic.left(), arithmetic.right()), named);
      case Operand.Placeholder ignored -> {
      }
      case Operand.Literal ignored -> {
      }
    }
  }
}
