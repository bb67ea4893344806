package io.shaledb.core.storage;

import java.util.Arrays;

/** The encoding of versionstamps in keys ({@link Transaction#putVersionstamped}): 8 big-endian bytes. */
public final class Versionstamps {
  public static final int BYTES = Long.BYTES;

  private Versionstamps() {}

  /** {@code prefix} followed by {@code stamp}; big-endian, so stamped keys sort in stamp order. */
  public static byte[] append(byte[] prefix, long stamp) {
    byte[] key = Arrays.copyOf(prefix, prefix.length + BYTES);
    for (int i = 0; i < BYTES; i++) {
      key[prefix.length + i] = (byte) (stamp >>> (8 * (BYTES - 1 - i)));
    }
    return key;
  }

  /** The stamp that ends {@code key}. */
  public static long of(byte[] key) {
    long stamp = 0;
    for (int i = key.length - BYTES; i < key.length; i++) {
      stamp = (stamp << 8) | (key[i] & 0xFF);
    }
    return stamp;
  }
}
