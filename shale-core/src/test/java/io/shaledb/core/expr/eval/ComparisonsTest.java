package io.shaledb.core.expr.eval;

import static io.shaledb.core.model.Values.NULL;
import static io.shaledb.core.model.Values.b;
import static io.shaledb.core.model.Values.bool;
import static io.shaledb.core.model.Values.bs;
import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.ns;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.RandomItems;
import io.shaledb.core.model.SeededRandom;
import io.shaledb.core.schema.ScalarType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DynamoDB's order of values ("Comparison operator and function reference" in the developer guide: numbers by value,
 * strings by their UTF-8 bytes, binaries as unsigned bytes), and its agreement with the key encoding's byte order,
 * which Query's sort key ranges rely on.
 */
class ComparisonsTest {

  @Test
  void isOrderable_onlyForNumbersStringsAndBinaries() {
    assertThat(List.of(n(1), s("a"), b(1))).allMatch(Comparisons::isOrderable);
    assertThat(List.of(ss("a"), ns("1"), bs(1), m(Map.of()), l(), NULL, bool(true)))
        .noneMatch(Comparisons::isOrderable);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 2, -1", "2, 10, -1", "-10, -2, -1", "-1, 0, -1", "0.001, 0.01, -1", "1E-130, 1E-129, -1",
    "1, 1.0, 0", "10E-1, 1, 0", "-0, 0, 0", "9.9999999999999999999999999999999999999E+125, 1E+125, 1",
    "12345678901234567890123456789012345678, 12345678901234567890123456789012345677, 1",
  })
  void compare_numbers_byValue(String a, String b, int expected) {
    assertThat(Integer.signum(Comparisons.compare(n(a), n(b)))).isEqualTo(expected);
    assertThat(Integer.signum(Comparisons.compare(n(b), n(a)))).isEqualTo(-expected);
  }

  @ParameterizedTest
  @CsvSource({
    "'', a, -1", "a, b, -1", "a, ab, -1", "B, a, -1", "z, é, -1", "é, €, -1",
    // UTF-16 puts U+E000..U+FFFF above the surrogates of U+10000 and beyond; UTF-8 puts them below.
    "\uFFFD, 😀, -1", "\uE000, 😀, -1", "😀, 😁, -1", "abc, abc, 0",
  })
  void compare_strings_byUtf8Bytes(String a, String b, int expected) {
    assertThat(Integer.signum(Comparisons.compare(s(a), s(b)))).isEqualTo(expected);
    assertThat(Integer.signum(Comparisons.compare(s(b), s(a)))).isEqualTo(-expected);
  }

  @Test
  void compare_binaries_asUnsignedBytes() {
    List<AttributeValue> ascending = List.of(b(), b(0), b(0, 0), b(0, 0xFF), b(1), b(0x7F), b(0x80), b(0xFF),
        b(0xFF, 0));
    for (int i = 0; i + 1 < ascending.size(); i++) {
      assertThat(Comparisons.compare(ascending.get(i), ascending.get(i + 1))).as("%s < next", i).isNegative();
    }
  }

  @Test
  void compare_valuesOfDifferentTypes_isRefused() {
    assertThatThrownBy(() -> Comparisons.compare(n(1), s("1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Comparisons.compare(ss("a"), ss("a"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compareUtf8_ofRandomStrings_agreesWithTheirEncodedBytes() {
    SeededRandom seeded = SeededRandom.of("ComparisonsTest strings");
    long seed = seeded.seed();
    Random random = seeded.random();
    for (int i = 0; i < 20_000; i++) {
      String a = ((AttributeValue.S) RandomItems.scalar(ScalarType.S, random)).value();
      String b = ((AttributeValue.S) RandomItems.scalar(ScalarType.S, random)).value();
      assertThat(Integer.signum(Comparisons.compareUtf8(a, b))).as("seed %d: %s vs %s", seed, a, b)
          .isEqualTo(Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
              b.getBytes(StandardCharsets.UTF_8))));
    }
  }

  /**
   * For random pairs, the order agrees with the unsigned byte order of their encoded sort keys, is antisymmetric and
   * says equal exactly for equal values; KeyCodecTest checks the same order over whole sorted sets.
   */
  @ParameterizedTest
  @EnumSource(ScalarType.class)
  void compare_ofRandomPairs_agreesWithKeyCodecByteOrder(ScalarType type) {
    SeededRandom seeded = SeededRandom.of("ComparisonsTest " + type);
    long seed = seeded.seed();
    Random random = seeded.random();
    AttributeValue partition = s("p");
    for (int i = 0; i < 5_000; i++) {
      AttributeValue a = RandomItems.scalar(type, random);
      AttributeValue b = random.nextInt(10) == 0 ? a : RandomItems.scalar(type, random);
      int order = Integer.signum(Comparisons.compare(a, b));
      assertThat(order).as("seed %d: %s vs %s", seed, a, b)
          .isEqualTo(Integer.signum(Arrays.compareUnsigned(KeyCodec.itemKey(1, partition, a),
              KeyCodec.itemKey(1, partition, b))))
          .isEqualTo(-Integer.signum(Comparisons.compare(b, a)));
      assertThat(order == 0).as("seed %d: %s vs %s", seed, a, b).isEqualTo(a.equals(b));
    }
  }
}
