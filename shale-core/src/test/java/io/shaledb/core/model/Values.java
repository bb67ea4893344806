package io.shaledb.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short constructors of attribute values for tests. */
public final class Values {
  public static final AttributeValue NULL = AttributeValue.Null.INSTANCE;

  private Values() {}

  public static AttributeValue s(String value) {
    return new AttributeValue.S(value);
  }

  public static AttributeValue n(String value) {
    return AttributeValue.N.of(value);
  }

  public static AttributeValue n(long value) {
    return new AttributeValue.N(DynamoNumber.of(value));
  }

  public static AttributeValue b(int... bytes) {
    return new AttributeValue.B(bytes(bytes));
  }

  public static AttributeValue ss(String... values) {
    return new AttributeValue.SS(Set.of(values));
  }

  public static AttributeValue ns(String... values) {
    return new AttributeValue.NS(Set.copyOf(Arrays.stream(values).map(DynamoNumber::parse).toList()));
  }

  /** A binary set of one-byte values. */
  public static AttributeValue bs(int... values) {
    return new AttributeValue.BS(Set.copyOf(Arrays.stream(values).mapToObj(v -> bytes(v)).toList()));
  }

  public static AttributeValue m(Map<String, AttributeValue> values) {
    return new AttributeValue.M(values);
  }

  public static AttributeValue l(AttributeValue... values) {
    return new AttributeValue.L(List.of(values));
  }

  public static AttributeValue bool(boolean value) {
    return AttributeValue.Bool.of(value);
  }

  private static Bytes bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return Bytes.wrap(bytes);
  }
}
