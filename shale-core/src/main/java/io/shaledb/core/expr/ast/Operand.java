package io.shaledb.core.expr.ast;

import io.shaledb.core.model.AttributeValue;

/** A value in an expression: a path, a value placeholder, or a function or arithmetic over operands. */
public sealed interface Operand {

  record PathOperand(Path path) implements Operand {}

  /** A {@code :placeholder}; binding replaces it with a {@link Literal}. */
  record Placeholder(String name) implements Operand {}

  /** A bound value. */
  record Literal(AttributeValue value) implements Operand {}

  /** {@code size(path)}, in conditions. */
  record Size(Operand operand) implements Operand {}

  /** {@code if_not_exists(path, value)}, in SET actions. */
  record IfNotExists(Path path, Operand fallback) implements Operand {}

  /** {@code list_append(a, b)}, in SET actions. */
  record ListAppend(Operand first, Operand second) implements Operand {}

  /** {@code a + b} or {@code a - b}, in SET actions. */
  record Arithmetic(Operand left, boolean add, Operand right) implements Operand {}
}
