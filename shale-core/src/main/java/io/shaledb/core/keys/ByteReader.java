package io.shaledb.core.keys;

import java.nio.charset.StandardCharsets;

/** Sequential reads from a byte array, the counterpart of {@link ByteWriter}. */
final class ByteReader {
  private final byte[] bytes;
  private int position;

  ByteReader(byte[] bytes, int position) {
    this.bytes = bytes;
    this.position = position;
  }

  int read() {
    return bytes[position++] & 0xFF;
  }

  int peek() {
    return bytes[position] & 0xFF;
  }

  long readVarint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int b = read();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }

  byte[] readBytes(int count) {
    byte[] out = new byte[count];
    System.arraycopy(bytes, position, out, 0, count);
    position += count;
    return out;
  }

  String readUtf8(int count) {
    String s = new String(bytes, position, count, StandardCharsets.UTF_8);
    position += count;
    return s;
  }

  /** The array read from; with {@link #position()}, for handing out a range without copying it. */
  byte[] array() {
    return bytes;
  }

  void skip(int count) {
    position += count;
  }

  int position() {
    return position;
  }

  boolean hasMore() {
    return position < bytes.length;
  }
}
