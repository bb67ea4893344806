package io.shaledb.core.keys;

/**
 * MurmurHash3 (x86, 32-bit, seed 0) of a partition key's bytes: it spreads partitions evenly over the keyspace so
 * Scan order is hashed, as DynamoDB's is, and parallel-scan segments are even hash ranges. Persisted in every key:
 * never change it.
 */
final class PartitionHash {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private PartitionHash() {}

  static int murmur3(byte[] data, int offset, int length) {
    int h = 0;
    int end = offset + (length & ~3);
    for (int i = offset; i < end; i += 4) {
      int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
      h ^= mixK(k);
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    int tail = length & 3;
    if (tail > 0) {
      int k = data[end] & 0xff;
      if (tail > 1) {
        k ^= (data[end + 1] & 0xff) << 8;
      }
      if (tail > 2) {
        k ^= (data[end + 2] & 0xff) << 16;
      }
      h ^= mixK(k);
    }
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int mixK(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }
}
