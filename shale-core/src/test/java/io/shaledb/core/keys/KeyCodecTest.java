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
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key encoding's one property: unsigned byte order of encoded sort keys is DynamoDB's order of the values, for
 * every type, including values that are prefixes of each other and keys followed by more components; for the sort
 * key of several attributes (multi-attribute index keys), the order of the tuples, and key ranges of exactly the
 * entries a Query's conditions select.
 */
class KeyCodecTest {
  private static final int KEYSPACE = 7;
  private static final AttributeValue PARTITION = new AttributeValue.S("p");
  /** The partition of a multi-attribute index the tuple tests use. */
  private static final List<AttributeValue> PARTITIONS = List.of(new AttributeValue.S("p"), AttributeValue.N.of("1"));

  private static byte[] key(AttributeValue sort) {
    return KeyCodec.itemKey(KEYSPACE, PARTITION, sort);
  }

  @ParameterizedTest
  @EnumSource(ScalarType.class)
  void randomValues_sortByBytesAsDynamoDbSortsThemAndDecode(ScalarType type) {
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
      byte[] asPartition = KeyCodec.itemKey(KEYSPACE, entry.getValue(), PARTITION);
      assertThat(KeyCodec.decodePartitionKey(asPartition, type)).as("seed %d", seed).isEqualTo(entry.getValue());
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
            (int) ((Integer.toUnsignedLong(hashOf(k)) * total) >>> 32)};
        for (int segment : probes) {
          if (KeyCodec.segmentRange(KEYSPACE, segment, total).contains(k)) {
            holders++;
          }
        }
        assertThat(holders).as("segments of %d holding a key", total).isEqualTo(1);
      }
    }
  }

  /** Index keys of one attribute each, as the encoder wrote them before keys could have several attributes. */
  @Test
  void indexKey_ofSingleAttributes_isByteIdenticalToTheFormatBeforeMultiAttributeKeys() {
    HexFormat hex = HexFormat.of();
    assertThat(hex.formatHex(KeyCodec.indexKey(KEYSPACE, List.of(new AttributeValue.S("p\u0000q")),
        List.of(AttributeValue.N.of("-1.5")), new AttributeValue.S("t"), binary(0, 1))))
        .isEqualTo("00000007eae91a1e0003700071407d95ff74000000ff010000");
    assertThat(hex.formatHex(KeyCodec.indexKey(KEYSPACE, List.of(AttributeValue.N.of("42")), List.of(),
        new AttributeValue.S("t"), null))).isEqualTo("00000007af848a9e0004c0835300740000");
    assertThat(hex.formatHex(KeyCodec.indexKey(KEYSPACE, List.of(binary(0xFF, 0)), List.of(new AttributeValue.S("z")),
        AttributeValue.N.of("0"), AttributeValue.N.of("7")))).isEqualTo("00000007b1f1959c0002ff007a000080c08280");
  }

  @Test
  void multiAttributeSortKeys_sortByBytesAsTheirTuplesSort() {
    long seed = new Random().nextLong();
    System.out.println("KeyCodecTest tuples seed " + seed);
    Random random = new Random(seed);
    List<ScalarType> types = randomTypes(random);
    List<Entry> entries = randomEntries(types, 2_000, random);
    TreeMap<byte[], Entry> byKey = new TreeMap<>(Arrays::compareUnsigned);
    for (Entry e : entries) {
      byKey.put(e.key(), e);
    }
    List<Entry> semantic = entries.stream().sorted(KeyCodecTest::compareEntries).toList();
    assertThat(new ArrayList<>(byKey.values())).as("seed %d, types %s", seed, types)
        .containsExactlyElementsOf(semantic);
  }

  @Test
  void queryRange_ofAMultiAttributeKey_holdsExactlyTheEntriesItsConditionsSelect() {
    long seed = new Random().nextLong();
    System.out.println("KeyCodecTest query ranges seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 30; round++) {
      List<ScalarType> types = randomTypes(random);
      List<Entry> entries = randomEntries(types, 300, random);
      for (int query = 0; query < 40; query++) {
        List<AttributeValue> anyTuple = entries.get(random.nextInt(entries.size())).sortKeys();
        int equalities = random.nextInt(types.size() + 1);
        List<AttributeValue> prefix = anyTuple.subList(0, equalities);
        SortKeyCondition last = equalities == types.size() || random.nextInt(4) == 0 ? null
            : randomCondition(types.get(equalities), entries, equalities, random);
        KeyRange range = KeyCodec.queryRange(KEYSPACE, PARTITIONS, prefix, last);
        List<Entry> inRange = entries.stream().filter(e -> range.contains(e.key())).toList();
        List<Entry> selected = entries.stream().filter(e -> e.sortKeys().subList(0, equalities).equals(prefix)
            && (last == null || holds(last, e.sortKeys().get(equalities)))).toList();
        assertThat(inRange).as("seed %d, types %s, prefix %s, last %s", seed, types, prefix, last)
            .containsExactlyInAnyOrderElementsOf(selected);
      }
    }
  }

  @Test
  void multiAttributePartitionKeys_ofDistinctTuples_neverShareAPartition() {
    List<AttributeValue> ab = List.of(new AttributeValue.S("a"), new AttributeValue.S("bc"));
    List<AttributeValue> abShifted = List.of(new AttributeValue.S("ab"), new AttributeValue.S("c"));
    List<AttributeValue> withZero = List.of(new AttributeValue.S("a\u0000"), new AttributeValue.S("bc"));
    byte[] entry = KeyCodec.indexKey(KEYSPACE, ab, List.of(), AttributeValue.N.of("1"), null);
    for (List<AttributeValue> other : List.of(abShifted, withZero)) {
      assertThat(KeyCodec.queryRange(KEYSPACE, other, List.of(), null).contains(entry)).as("%s", other).isFalse();
    }
    assertThat(KeyCodec.queryRange(KEYSPACE, ab, List.of(), null).contains(entry)).isTrue();
  }

  /** An index entry of {@link #PARTITIONS}: its sort values and the table key that keeps it distinct. */
  private record Entry(List<AttributeValue> sortKeys, AttributeValue tableKey) {
    byte[] key() {
      return KeyCodec.indexKey(KEYSPACE, PARTITIONS, sortKeys, tableKey, null);
    }
  }

  private static List<ScalarType> randomTypes(Random random) {
    List<ScalarType> types = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      types.add(ScalarType.values()[random.nextInt(ScalarType.values().length)]);
    }
    return types;
  }

  /** Entries whose tuples repeat leading values often (drawn from small pools), so ties on a prefix are common. */
  private static List<Entry> randomEntries(List<ScalarType> types, int count, Random random) {
    List<List<AttributeValue>> pools = new ArrayList<>();
    for (ScalarType type : types) {
      List<AttributeValue> pool = new ArrayList<>(fixedValues(type));
      for (int i = 0; i < 6; i++) {
        pool.add(RandomItems.scalar(type, random));
      }
      pools.add(pool);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<AttributeValue> tuple = new ArrayList<>();
      for (List<AttributeValue> pool : pools) {
        tuple.add(pool.get(random.nextInt(pool.size())));
      }
      entries.add(new Entry(tuple, AttributeValue.N.of(String.valueOf(i))));
    }
    return entries;
  }

  private static int compareEntries(Entry a, Entry b) {
    for (int i = 0; i < a.sortKeys().size(); i++) {
      int c = Comparisons.compare(a.sortKeys().get(i), b.sortKeys().get(i));
      if (c != 0) {
        return c;
      }
    }
    return Comparisons.compare(a.tableKey(), b.tableKey());
  }

  private static SortKeyCondition randomCondition(ScalarType type, List<Entry> entries, int position, Random random) {
    AttributeValue value = entries.get(random.nextInt(entries.size())).sortKeys().get(position);
    AttributeValue other = entries.get(random.nextInt(entries.size())).sortKeys().get(position);
    int kinds = type == ScalarType.N ? 6 : 7;
    return switch (random.nextInt(kinds)) {
      case 0 -> new SortKeyCondition.Equal(value);
      case 1 -> new SortKeyCondition.Less(value, false);
      case 2 -> new SortKeyCondition.Less(value, true);
      case 3 -> new SortKeyCondition.Greater(value, false);
      case 4 -> new SortKeyCondition.Greater(value, true);
      case 5 -> Comparisons.compare(value, other) <= 0
          ? new SortKeyCondition.Between(value, other) : new SortKeyCondition.Between(other, value);
      default -> new SortKeyCondition.BeginsWith(prefixOf(value, random));
    };
  }

  private static AttributeValue prefixOf(AttributeValue value, Random random) {
    return switch (value) {
      case AttributeValue.S s -> {
        int codePoints = s.value().codePointCount(0, s.value().length());
        yield new AttributeValue.S(s.value().substring(0, s.value().offsetByCodePoints(0,
            random.nextInt(codePoints + 1))));
      }
      case AttributeValue.B b -> new AttributeValue.B(Bytes.wrap(Arrays.copyOf(b.value().toByteArray(),
          random.nextInt(b.value().length() + 1))));
      default -> throw new IllegalArgumentException("begins_with takes a string or a binary: " + value);
    };
  }

  private static boolean holds(SortKeyCondition condition, AttributeValue value) {
    return switch (condition) {
      case SortKeyCondition.Equal eq -> Comparisons.compare(value, eq.value()) == 0;
      case SortKeyCondition.Less lt -> Comparisons.compare(value, lt.value()) < (lt.inclusive() ? 1 : 0);
      case SortKeyCondition.Greater gt -> Comparisons.compare(value, gt.value()) > (gt.inclusive() ? -1 : 0);
      case SortKeyCondition.Between b -> Comparisons.compare(value, b.low()) >= 0
          && Comparisons.compare(value, b.high()) <= 0;
      case SortKeyCondition.BeginsWith bw -> bw.prefix() instanceof AttributeValue.S p
          ? ((AttributeValue.S) value).value().startsWith(p.value())
          : startsWith(((AttributeValue.B) value).value().toByteArray(),
              ((AttributeValue.B) bw.prefix()).value().toByteArray());
    };
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static AttributeValue binary(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new AttributeValue.B(Bytes.wrap(b));
  }

  private static int hashOf(byte[] key) {
    return ((key[4] & 0xFF) << 24) | ((key[5] & 0xFF) << 16) | ((key[6] & 0xFF) << 8) | (key[7] & 0xFF);
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
