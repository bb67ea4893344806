package io.shaledb.core.expr.eval;

import io.shaledb.core.model.AttributeValue;

/** DynamoDB's ordering: numbers numerically, strings by UTF-8 bytes, binaries by unsigned bytes. */
public final class Comparisons {
  private Comparisons() {}

  /** True for the types that <, <=, >, >= and BETWEEN apply to: N, S and B. */
  public static boolean isOrderable(AttributeValue value) {
    return value instanceof AttributeValue.N || value instanceof AttributeValue.S || value instanceof AttributeValue.B;
  }

  /** Compares two orderable values of the same type. */
  public static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return compareUtf8(x.value(), y.value());
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return x.value().compareTo(y.value());
    }
    throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
  }

  /**
   * Compares strings by their UTF-8 bytes without encoding them: UTF-16 code unit order differs from code point
   * order only for surrogates against U+E000..U+FFFF, which this corrects.
   */
  static int compareUtf8(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs != ys && (x >= 0xE000 || y >= 0xE000)) {
          return xs ? 1 : -1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
