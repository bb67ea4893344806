package io.shaledb.it.jepsen;

import org.jspecify.annotations.Nullable;

/** An operation on one register: an item holding an integer, absent at first. */
public sealed interface RegisterOp {
  /** A strongly consistent read; {@code observed} is null when the item was absent. */
  record Read(@Nullable Integer observed) implements RegisterOp {
    @Override
    public String toString() {
      return "read(" + observed + ")";
    }
  }

  /** An unconditional PutItem. */
  record Write(int value) implements RegisterOp {
    @Override
    public String toString() {
      return "write(" + value + ")";
    }
  }

  /**
   * A conditional write: {@code value} if the register holds {@code expected} (absent when null), through a PutItem
   * with a version condition or an UpdateItem compare-and-set.
   */
  record Cas(@Nullable Integer expected, int value) implements RegisterOp {
    @Override
    public String toString() {
      return "cas(" + expected + "->" + value + ")";
    }
  }
}
