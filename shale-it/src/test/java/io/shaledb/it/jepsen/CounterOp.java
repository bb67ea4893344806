package io.shaledb.it.jepsen;

/** An operation on one counter, which starts at zero and only grows. */
public sealed interface CounterOp {
  /** UpdateItem ADD of a positive amount. */
  record Add(long delta) implements CounterOp {
    public Add {
      if (delta <= 0) {
        throw new IllegalArgumentException("a counter only grows: " + delta);
      }
    }

    @Override
    public String toString() {
      return "add(" + delta + ")";
    }
  }

  /** A strongly consistent read. */
  record Read(long observed) implements CounterOp {
    @Override
    public String toString() {
      return "read(" + observed + ")";
    }
  }
}
