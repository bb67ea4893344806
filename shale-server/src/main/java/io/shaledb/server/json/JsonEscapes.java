package io.shaledb.server.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Whether UTF-8 text can go into a JSON string as it is: no control character, quote or backslash. */
final class JsonEscapes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * ' ';

  private JsonEscapes() {}

  /** True when some byte of the range is below 0x20, a quote or a backslash: eight bytes per step. */
  static boolean needed(byte[] utf8, int offset, int length) {
    int i = offset;
    int end = offset + length;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long word = (long) LONGS.get(utf8, i);
      if (anyByteBelow(word, SPACES) || anyByteZero(word ^ QUOTES) || anyByteZero(word ^ BACKSLASHES)) {
        return true;
      }
    }
    for (; i < end; i++) {
      int b = utf8[i] & 0xFF;
      if (b < ' ' || b == '"' || b == '\\') {
        return true;
      }
    }
    return false;
  }

  /** Exact for bounds up to 0x80 per byte (bytes of 0x80 and above are never below them). */
  private static boolean anyByteBelow(long word, long bounds) {
    return ((word - bounds) & ~word & HIGHS) != 0;
  }

  private static boolean anyByteZero(long word) {
    return ((word - ONES) & ~word & HIGHS) != 0;
  }
}
