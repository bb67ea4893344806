package io.shaledb.core.model;

import java.util.Map;

/**
 * DynamoDB's item size arithmetic ("Item sizes and formats" in the developer guide): names and strings by UTF-8
 * length, binaries by length, numbers by one byte per two significant digits plus one, booleans and nulls one
 * byte, lists and maps three bytes plus one byte per element.
 */
public final class ItemSize {
  /** The largest item DynamoDB stores: 400 KB. */
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  public static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + of(e.getValue());
    }
    return size;
  }

  public static long of(AttributeValue value) {
    return switch (value) {
      case AttributeValue.S s -> utf8Length(s.value());
      case AttributeValue.N n -> of(n.value());
      case AttributeValue.B b -> b.value().length();
      case AttributeValue.SS ss -> ss.values().stream().mapToLong(ItemSize::utf8Length).sum();
      case AttributeValue.NS ns -> ns.values().stream().mapToLong(ItemSize::of).sum();
      case AttributeValue.BS bs -> bs.values().stream().mapToLong(Bytes::length).sum();
      case AttributeValue.M m -> {
        long size = 3;
        for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
          size += 1 + utf8Length(e.getKey()) + of(e.getValue());
        }
        yield size;
      }
      case AttributeValue.L l -> {
        long size = 3;
        for (AttributeValue element : l.values()) {
          size += 1 + of(element);
        }
        yield size;
      }
      case AttributeValue.Null ignored -> 1;
      case AttributeValue.Bool ignored -> 1;
    };
  }

  public static long of(DynamoNumber number) {
    return (number.digits().length() + 1L) / 2 + 1;
  }

  public static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2;
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }
}
