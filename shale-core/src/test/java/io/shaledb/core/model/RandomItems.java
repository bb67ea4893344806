package io.shaledb.core.model;

import io.shaledb.core.schema.ScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random items of every attribute type, and random key values, for property tests. */
public final class RandomItems {
  private static final List<String> TRICKY_STRINGS = List.of("quote \" backslash \\ tab \t newline \n",
      "controls \u0001\u001f del \u007f", "héllo wörld 日本語 😀 beyond the basic plane",
      "x".repeat(300), "<script>&amp;</script>", "\u2028\u2029");

  private RandomItems() {}

  /** An item of one to six attributes with non-ASCII names. */
  public static Map<String, AttributeValue> item(Random random) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    int attributes = 1 + random.nextInt(6);
    for (int a = 0; a < attributes; a++) {
      item.put("attr" + a + "é", value(random, 3));
    }
    return item;
  }

  /** A random value of any type, nesting maps and lists up to {@code depth} levels. */
  public static AttributeValue value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 8);
    return switch (kind) {
      case 0 -> new AttributeValue.S("s" + random.nextInt() + (random.nextBoolean() ? "😀" : ""));
      case 1 -> new AttributeValue.N(DynamoNumber.of(random.nextLong()));
      case 2 -> new AttributeValue.B(Bytes.wrap(new byte[] {(byte) random.nextInt(), 0, (byte) 0xFF}));
      case 3 -> new AttributeValue.SS(Set.of("a", "b" + random.nextInt(5)));
      case 4 -> new AttributeValue.NS(new LinkedHashSet<>(List.of(DynamoNumber.of(1), DynamoNumber.parse("2.5"))));
      case 5 -> new AttributeValue.BS(Set.of(Bytes.wrap(new byte[] {1}), Bytes.wrap(new byte[0])));
      case 6 -> random.nextBoolean() ? AttributeValue.Null.INSTANCE : AttributeValue.Bool.of(random.nextBoolean());
      case 7 -> new AttributeValue.S(random.nextBoolean() ? "" : TRICKY_STRINGS.get(random.nextInt(TRICKY_STRINGS.size())));
      case 8 -> {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put("k" + i, value(random, depth - 1));
        }
        yield new AttributeValue.M(map);
      }
      default -> {
        List<AttributeValue> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth - 1));
        }
        yield new AttributeValue.L(list);
      }
    };
  }

  /**
   * A random value of a key type, drawn where orderings go wrong: strings of control characters, ASCII, two-byte
   * characters, characters from U+E000 (above the surrogates in UTF-16, below them in UTF-8) and beyond the basic
   * plane; binaries of extreme bytes; numbers of up to 38 digits across the whole exponent range, of both signs.
   */
  public static AttributeValue scalar(ScalarType type, Random random) {
    return switch (type) {
      case S -> new AttributeValue.S(keyString(random));
      case B -> {
        byte[] b = new byte[random.nextInt(6)];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : random.nextInt(3) * 0x7F);
        }
        yield new AttributeValue.B(Bytes.wrap(b));
      }
      case N -> new AttributeValue.N(keyNumber(random));
    };
  }

  private static String keyString(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      s.appendCodePoint(switch (random.nextInt(5)) {
        case 0 -> random.nextInt(3);
        case 1 -> 0x61 + random.nextInt(3);
        case 2 -> 0x80 + random.nextInt(0x780);
        case 3 -> 0xE000 + random.nextInt(0x2000);
        default -> 0x1F600 + random.nextInt(10);
      });
    }
    return s.toString();
  }

  private static DynamoNumber keyNumber(Random random) {
    int digits = 1 + random.nextInt(38);
    BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
    if (random.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    BigDecimal value = new BigDecimal(unscaled, random.nextInt(digits + 120) - 100);
    try {
      return DynamoNumber.of(value);
    } catch (RuntimeException outOfRange) {
      return DynamoNumber.of(unscaled.longValue() % 1000);
    }
  }
}
