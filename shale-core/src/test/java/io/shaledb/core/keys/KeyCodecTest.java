package io.shaledb.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.expr.eval.Comparisons;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.RandomItems;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.storage.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key encoding's one property: unsigned byte order of encoded sort keys is DynamoDB's order of the values, for
 * every type, including values that are prefixes of each other and keys followed by more components.
 */
class KeyCodecTest {
  private static final int KEYSPACE = 7;
  private static final AttributeValue PARTITION = new AttributeValue.S("p");

  private static byte[] key(AttributeValue sort) {
    return KeyCodec.itemKey(KEYSPACE, PARTITION, sort);
  }

  @ParameterizedTest
  @EnumSource(ScalarType.class)
  void randomValues_sortByBytesAsDynamoDbSortsThem(ScalarType type) {
    long seed = new Random().nextLong();
    System.out.println("KeyCodecTest " + type + " seed " + seed);
    Random random = new Random(seed);
    List<AttributeValue> values = new ArrayList<>(fixedValues(type));
    for (int i = 0; i < 3_000; i++) {
      values.add(RandomItems.scalar(type, random));
    }
    TreeMap<byte[], AttributeValue> byKey = new TreeMap<>(Arrays::compareUnsigned);
    for (AttributeValue v : values) {
      byKey.put(key(v), v);
    }
    List<AttributeValue> semantic = values.stream().distinct().sorted(Comparisons::compare).toList();
    assertThat(new ArrayList<>(byKey.values())).as("seed %d", seed).containsExactlyElementsOf(semantic);
    for (var entry : byKey.entrySet()) {
      byte[] k = entry.getKey();
      assertThat(KeyCodec.decodeOrdered(k, KeyCodec.sortKeyOffset(k), type)).isEqualTo(entry.getValue());
    }
  }

  @Test
  void numbers_writtenDifferently_encodeIdentically() {
    for (String text : List.of("1.0", "10E-1", "0.1E1", "1.000", "+1")) {
      assertThat(key(AttributeValue.N.of(text))).isEqualTo(key(AttributeValue.N.of("1")));
    }
    assertThat(key(AttributeValue.N.of("-0"))).isEqualTo(key(AttributeValue.N.of("0")));
  }

  @Test
  void sortKeys_areSelfDelimiting_soFollowingBytesNeverReorderThem() {
    AttributeValue a = new AttributeValue.S("a");
    AttributeValue ab = new AttributeValue.S("a\u0000b");
    byte[] aThenHigh = concat(key(a), new byte[] {(byte) 0xFF, (byte) 0xFF});
    assertThat(Arrays.compareUnsigned(aThenHigh, key(ab))).isNegative();
    AttributeValue n12 = AttributeValue.N.of("0.12");
    AttributeValue n123 = AttributeValue.N.of("0.123");
    assertThat(Arrays.compareUnsigned(concat(key(n12), new byte[] {(byte) 0xFF}), key(n123))).isNegative();
    assertThat(Arrays.compareUnsigned(key(AttributeValue.N.of("-0.123")),
        concat(key(AttributeValue.N.of("-0.12")), new byte[] {0}))).isNegative();
  }

  @Test
  void partitionRange_holdsExactlyThatPartition() {
    KeyRange range = KeyCodec.partitionRange(KEYSPACE, PARTITION);
    assertThat(range.contains(key(new AttributeValue.S("")))).isTrue();
    assertThat(range.contains(KeyCodec.itemKey(KEYSPACE, PARTITION, null))).isTrue();
    assertThat(range.contains(KeyCodec.itemKey(KEYSPACE, new AttributeValue.S("p2"), null))).isFalse();
    assertThat(range.contains(KeyCodec.itemKey(KEYSPACE + 1, PARTITION, null))).isFalse();
    assertThat(KeyCodec.keyspaceRange(KEYSPACE).contains(key(AttributeValue.N.of("1")))).isTrue();
  }

  @Test
  void segments_areDisjointAndCoverTheKeyspace() {
    Random random = new Random(42);
    for (int total : new int[] {1, 2, 3, 7, 100, 1_000_000}) {
      for (int i = 0; i < 200; i++) {
        byte[] k = KeyCodec.itemKey(KEYSPACE, new AttributeValue.S("pk" + random.nextInt()), null);
        int holders = 0;
        int[] probes = total <= 100 ? allSegments(total) : new int[] {0, total / 2, total - 1,
            (int) (((Integer.toUnsignedLong(hashOf(k))) * total) >>> 32)};
        for (int segment : probes) {
          if (KeyCodec.segmentRange(KEYSPACE, segment, total).contains(k)) {
            holders++;
          }
        }
        assertThat(holders).as("segments of %d holding a key", total).isEqualTo(1);
      }
    }
  }

  private static int hashOf(byte[] key) {
    return (key[4] & 0xFF) << 24 | (key[5] & 0xFF) << 16 | (key[6] & 0xFF) << 8 | key[7] & 0xFF;
  }

  private static int[] allSegments(int total) {
    int[] all = new int[total];
    Arrays.setAll(all, i -> i);
    return all;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static List<AttributeValue> fixedValues(ScalarType type) {
    return switch (type) {
      case S -> strings("", "a", "a\u0000", "a\u0000b", "ab", "b", "é", "€", "😀", "\uFFFF", "z", "A", "\u0001");
      case B -> binaries(new byte[0], new byte[] {0}, new byte[] {0, 0}, new byte[] {0, (byte) 0xFF},
          new byte[] {(byte) 0xFF}, new byte[] {1}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF, 0});
      case N -> numbers("0", "1", "-1", "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
          "-9.9999999999999999999999999999999999999E+125", "12345678901234567890123456789012345678", "0.12",
          "0.123", "-0.12", "-0.123", "10", "9", "100", "-10", "-9", "1.5", "-1.5");
    };
  }

  private static List<AttributeValue> strings(String... values) {
    return Arrays.stream(values).<AttributeValue>map(AttributeValue.S::new).toList();
  }

  private static List<AttributeValue> binaries(byte[]... values) {
    return Arrays.stream(values).<AttributeValue>map(b -> new AttributeValue.B(Bytes.copyOf(b))).toList();
  }

  private static List<AttributeValue> numbers(String... values) {
    return Arrays.stream(values).<AttributeValue>map(AttributeValue.N::of).toList();
  }
}
