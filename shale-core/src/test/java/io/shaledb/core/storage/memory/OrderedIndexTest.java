package io.shaledb.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderedIndexTest {

  @Test
  void shard_isTheFirst44BitsOfTheKey_zeroPadded() {
    assertThat(OrderedIndex.shardOf(new byte[0])).isZero();
    assertThat(OrderedIndex.shardOf(new byte[] {1})).isEqualTo(1L << 36);
    assertThat(OrderedIndex.shardOf(new byte[] {0, 0, 0, 7, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF}))
        .isEqualTo(0x7ABCL);
    assertThat(OrderedIndex.shardOf(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF})).isEqualTo((1L << 44) - 1);
  }

  /** The property range scans rely on: a key's shard never decreases as the key increases. */
  @Test
  void shard_neverDecreases_asKeysIncrease() {
    long seed = new Random().nextLong();
    System.out.println("OrderedIndexTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 200_000; i++) {
      byte[] a = key(random);
      byte[] b = key(random);
      int order = Arrays.compareUnsigned(a, b);
      long shardA = OrderedIndex.shardOf(a);
      long shardB = OrderedIndex.shardOf(b);
      if (order < 0) {
        assertThat(shardA).as("seed %d", seed).isLessThanOrEqualTo(shardB);
      } else if (order > 0) {
        assertThat(shardA).as("seed %d", seed).isGreaterThanOrEqualTo(shardB);
      }
    }
  }

  private static byte[] key(Random random) {
    byte[] key = new byte[random.nextInt(9)];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : random.nextInt(3) - 1);
    }
    return key;
  }
}
