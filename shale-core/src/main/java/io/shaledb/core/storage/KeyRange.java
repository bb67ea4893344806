package io.shaledb.core.storage;

import java.util.Arrays;

/** Keys from {@code start} (inclusive) to {@code end} (exclusive), by unsigned byte order. */
public record KeyRange(byte[] start, byte[] end) {
  public KeyRange {
    start = start.clone();
    end = end.clone();
  }

  /** Every key that starts with {@code prefix}. The prefix must not be all 0xFF bytes. */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(prefix, successor(prefix));
  }

  /** The smallest key greater than every key that starts with {@code prefix}. */
  public static byte[] successor(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] next = Arrays.copyOf(prefix, i + 1);
        next[i]++;
        return next;
      }
    }
    throw new IllegalArgumentException("a prefix of only 0xFF bytes has no successor");
  }

  /** The smallest key greater than {@code key}, where a walk that stopped at {@code key} resumes. */
  public static byte[] after(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  public boolean contains(byte[] key) {
    return Arrays.compareUnsigned(key, start) >= 0 && Arrays.compareUnsigned(key, end) < 0;
  }

  @Override
  public byte[] start() {
    return start.clone();
  }

  @Override
  public byte[] end() {
    return end.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRange other && Arrays.equals(start, other.start) && Arrays.equals(end, other.end);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(start) + Arrays.hashCode(end);
  }

  @Override
  public String toString() {
    return "KeyRange[" + java.util.HexFormat.of().formatHex(start) + ", " + java.util.HexFormat.of().formatHex(end)
        + ")";
  }
}
