package io.shaledb.core.partiql.parse;

import org.jspecify.annotations.Nullable;

/**
 * Where a literal stands inside the value it belongs to, as DynamoDB names it when a number there is out of range:
 * {@code root} for a value of its own, {@code root.x} inside a tuple, {@code root[1]} inside a list.
 */
record ValuePath(@Nullable ValuePath parent, String step) {
  static final ValuePath ROOT = new ValuePath(null, "root");

  ValuePath key(String key) {
    return new ValuePath(this, "." + key);
  }

  ValuePath index(int index) {
    return new ValuePath(this, "[" + index + "]");
  }

  @Override
  public String toString() {
    return parent == null ? step : parent + step;
  }
}
