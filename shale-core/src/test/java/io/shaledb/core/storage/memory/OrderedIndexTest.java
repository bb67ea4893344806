package io.shaledb.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OrderedIndexTest {
  /** Every key {@link #key} draws. */
  private static final KeyRange ALL = new KeyRange(new byte[0], filled(10));

  @Test
  void keyspaceAndHash_areTheFirstFourAndNextTwoBytes_zeroPadded() {
    assertThat(OrderedIndex.keyspaceOf(new byte[0])).isZero();
    assertThat(OrderedIndex.hashOf(new byte[0])).isZero();
    assertThat(OrderedIndex.keyspaceOf(new byte[] {1})).isEqualTo(1 << 24);
    byte[] key = {0, 0, 0, 7, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF};
    assertThat(OrderedIndex.keyspaceOf(key)).isEqualTo(7);
    assertThat(OrderedIndex.hashOf(key)).isEqualTo(0xABCD);
    assertThat(OrderedIndex.hashOf(new byte[] {0, 0, 0, 7, (byte) 0xAB})).isEqualTo(0xAB00);
    assertThat(OrderedIndex.keyspaceOf(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}))
        .isEqualTo(-1);
  }

  /** The property range scans rely on: a key's keyspace, then its hash, never decrease as the key increases. */
  @Test
  void keyspaceThenHash_neverDecrease_asKeysIncrease() {
    long seed = new Random().nextLong();
    System.out.println("OrderedIndexTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 200_000; i++) {
      byte[] a = key(random, 9);
      byte[] b = key(random, 9);
      int order = Integer.signum(Arrays.compareUnsigned(a, b));
      int groups = Integer.compareUnsigned(OrderedIndex.keyspaceOf(a), OrderedIndex.keyspaceOf(b));
      if (groups == 0) {
        groups = Integer.compare(OrderedIndex.hashOf(a), OrderedIndex.hashOf(b));
      }
      assertThat(order * Integer.signum(groups)).as("seed %d", seed).isNotNegative();
    }
  }

  /**
   * Tiny leaves, so that keyspaces double their leaves many times and keys sharing their first six bytes outgrow
   * the sorted arrays into skip lists; every scan must read what a sorted set holds.
   */
  @Test
  void randomPutsAndRemoves_scanLikeASortedSet() {
    long seed = new Random().nextLong();
    System.out.println("OrderedIndexTest seed " + seed);
    Random random = new Random(seed);
    OrderedIndex index = new OrderedIndex(2, 4);
    NavigableSet<byte[]> model = new TreeSet<>(Arrays::compareUnsigned);
    for (int round = 0; round < 20_000; round++) {
      byte[] key = key(random, 10);
      if (model.contains(key)) {
        if (random.nextInt(3) == 0) {
          index.remove(key);
          model.remove(key);
        }
      } else {
        index.put(Slot.probe(key));
        model.add(key);
      }
      if (round % 100 == 0) {
        byte[] a = key(random, 10);
        byte[] b = key(random, 10);
        KeyRange range = Arrays.compareUnsigned(a, b) <= 0 ? new KeyRange(a, b) : new KeyRange(b, a);
        boolean reverse = random.nextBoolean();
        NavigableSet<byte[]> expected = model.subSet(range.start(), true, range.end(), false);
        assertThat(hex(index.range(range, reverse)))
            .as("round %d, seed %d", round, seed)
            .isEqualTo(hex((reverse ? expected.descendingSet() : expected).iterator()));
      }
    }
    int size = model.size();
    assertThat(index.clear(ALL, size / 2, slot -> model.remove(slot.key))).isEqualTo(size / 2);
    assertThat(hex(index.range(ALL, false))).isEqualTo(hex(model.iterator()));
    assertThat(index.clear(ALL, size, slot -> model.remove(slot.key))).isEqualTo(size - size / 2);
    assertThat(model).isEmpty();
    assertThat(hex(index.range(ALL, false))).isEmpty();
  }

  /**
   * A scan that runs while keys come and go (and leaves split beneath it) yields keys in order, every key present
   * from its start to its end, and no key that was never present while it ran.
   */
  @Test
  void scanDuringChanges_isWeaklyConsistent() {
    long seed = new Random().nextLong();
    System.out.println("OrderedIndexTest seed " + seed);
    Random random = new Random(seed);
    OrderedIndex index = new OrderedIndex(2, 4);
    NavigableSet<byte[]> present = new TreeSet<>(Arrays::compareUnsigned);
    for (int i = 0; i < 500; i++) {
      byte[] key = key(random, 10);
      if (present.add(key)) {
        index.put(Slot.probe(key));
      }
    }
    for (int scan = 0; scan < 50; scan++) {
      boolean reverse = random.nextBoolean();
      Iterator<Slot> slots = index.range(ALL, reverse);
      Set<String> throughout = new TreeSet<>(hex(present.iterator()));
      Set<String> ever = new TreeSet<>(throughout);
      List<byte[]> seen = new ArrayList<>();
      while (slots.hasNext()) {
        seen.add(slots.next().key);
        for (int change = 0; change < 3 && seen.size() < 400; change++) {
          byte[] key = key(random, 10);
          if (present.remove(key)) {
            index.remove(key);
            throughout.remove(HexFormat.of().formatHex(key));
          } else {
            present.add(key);
            index.put(Slot.probe(key));
            ever.add(HexFormat.of().formatHex(key));
          }
        }
      }
      for (int i = 1; i < seen.size(); i++) {
        int order = Arrays.compareUnsigned(seen.get(i - 1), seen.get(i));
        assertThat(reverse ? order > 0 : order < 0).as("scan %d, seed %d", scan, seed).isTrue();
      }
      Set<String> seenHex = new TreeSet<>(hex(seen.iterator()));
      Set<String> missed = new TreeSet<>(throughout);
      missed.removeAll(seenHex);
      Set<String> invented = new TreeSet<>(seenHex);
      invented.removeAll(ever);
      assertThat(missed).as("scan %d, seed %d", scan, seed).isEmpty();
      assertThat(invented).as("scan %d, seed %d", scan, seed).isEmpty();
    }
  }

  private static byte[] filled(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 0xFF);
    return bytes;
  }

  private static List<String> hex(Iterator<?> items) {
    List<String> hex = new ArrayList<>();
    items.forEachRemaining(item -> hex.add(HexFormat.of().formatHex(item instanceof Slot slot ? slot.key
        : (byte[]) item)));
    return hex;
  }

  /** Up to {@code maxLength - 1} bytes, drawn mostly from a few values so that keys often share their first bytes. */
  private static byte[] key(Random random, int maxLength) {
    byte[] key = new byte[random.nextInt(maxLength)];
    byte[] common = {0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0xFF};
    for (int i = 0; i < key.length; i++) {
      key[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : common[random.nextInt(common.length)];
    }
    return key;
  }
}
