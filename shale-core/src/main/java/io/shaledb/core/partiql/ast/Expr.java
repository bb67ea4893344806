package io.shaledb.core.partiql.ast;

import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.model.AttributeValue;
import java.util.List;

/**
 * A PartiQL expression: a value (literal, parameter, path, collection constructor, function or arithmetic) or a
 * predicate (comparison, BETWEEN, IN, IS, AND/OR/NOT; EXISTS is a statement of its own). The parser accepts either
 * where the grammar allows an expression; planning rejects a value where a predicate is needed, and the reverse, with
 * DynamoDB's messages.
 */
public sealed interface Expr {

  /** A scalar literal: a string, a number, a boolean or NULL, as the attribute value it denotes. */
  record Literal(AttributeValue value) implements Expr {}

  /** The literal {@code MISSING}. */
  record Missing() implements Expr {}

  /** The {@code index}-th {@code ?} of the statement (0-based), bound to {@code Parameters[index]}. */
  record Parameter(int index) implements Expr {}

  /** A document path: a top-level attribute followed by map keys and list indexes. */
  record PathExpr(List<Step> steps) implements Expr {
    public PathExpr {
      steps = List.copyOf(steps);
    }

    /** The top-level attribute the path starts at. */
    public String topLevelName() {
      return ((Step.Name) steps.get(0)).name();
    }
  }

  /** One step of a {@link PathExpr}. */
  sealed interface Step {
    /** A top-level attribute or map key ({@code a}, {@code "a"}, {@code .a}, {@code ['a']}). */
    record Name(String name) implements Step {}

    /** A list index ({@code [2]}). */
    record Index(int index) implements Step {}
  }

  /** A list constructor {@code [a, b]}. */
  record ListExpr(List<Expr> elements) implements Expr {
    public ListExpr {
      elements = List.copyOf(elements);
    }
  }

  /** A tuple (map) constructor {@code {'k': v, ...}}, its entries in written order. */
  record TupleExpr(List<Entry> entries) implements Expr {
    public TupleExpr {
      entries = List.copyOf(entries);
    }

    /** One {@code 'key': value} of a tuple. */
    public record Entry(String key, Expr value) {}
  }

  /** A bag constructor {@code <<a, b>>}: DynamoDB's sets. */
  record BagExpr(List<Expr> elements) implements Expr {
    public BagExpr {
      elements = List.copyOf(elements);
    }
  }

  record Comparison(Expr left, Comparator op, Expr right) implements Expr {}

  record Between(Expr value, Expr low, Expr high) implements Expr {}

  /** {@code value IN [a, b]} (or {@code IN (a, b)}, or a parameter holding a list). */
  record In(Expr value, List<Expr> candidates) implements Expr {
    public In {
      candidates = List.copyOf(candidates);
    }
  }

  /** {@code value IS [NOT] type}: MISSING, NULL or the type of a value. */
  record Is(Expr value, IsKind kind, boolean negated) implements Expr {}

  record And(Expr left, Expr right) implements Expr {}

  record Or(Expr left, Expr right) implements Expr {}

  record Not(Expr operand) implements Expr {}

  /** A call of one of DynamoDB's PartiQL functions. */
  record Call(Function function, List<Expr> arguments) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code left + right} or {@code left - right}, in an UPDATE's SET. */
  record Arithmetic(Expr left, ArithmeticOp op, Expr right) implements Expr {}

  /** The types IS tests, by PartiQL's names for them (BOOL is BOOLEAN, TUPLE is STRUCT). */
  enum IsKind {
    MISSING,
    NULL,
    BOOLEAN,
    BLOB,
    STRING,
    NUMERIC,
    STRUCT,
    LIST
  }

  enum ArithmeticOp {
    ADD,
    SUBTRACT
  }

  /** The functions DynamoDB's PartiQL knows, by their names in statements (case-insensitive). */
  enum Function {
    BEGINS_WITH,
    CONTAINS,
    SIZE,
    ATTRIBUTE_TYPE,
    MISSING,
    LIST_APPEND,
    SET_ADD,
    SET_DELETE,
    /** Accepted in a WHERE clause as a condition on the item, as in condition expressions. */
    ATTRIBUTE_EXISTS,
    ATTRIBUTE_NOT_EXISTS
  }
}
