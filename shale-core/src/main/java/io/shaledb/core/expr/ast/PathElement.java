package io.shaledb.core.expr.ast;

/** One step of a document path. */
public sealed interface PathElement {

  /** A map key or top-level attribute name (or, before binding, a {@code #placeholder}). */
  record Name(String name) implements PathElement {}

  /** A list index. */
  record Index(int index) implements PathElement {}
}
