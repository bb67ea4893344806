package io.shaledb.core.keys;

import java.util.Arrays;

/** A growable byte array for building keys and stored values without intermediate streams. */
final class ByteWriter {
  private byte[] bytes;
  private int length;

  ByteWriter(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  void write(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  void write(byte[] source) {
    write(source, 0, source.length);
  }

  void write(byte[] source, int offset, int count) {
    ensure(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  void writeInt(int value) {
    ensure(4);
    bytes[length++] = (byte) (value >>> 24);
    bytes[length++] = (byte) (value >>> 16);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  void writeShort(int value) {
    ensure(2);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  /** Unsigned LEB128. */
  void writeVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    write((int) value);
  }

  int length() {
    return length;
  }

  byte[] array() {
    return bytes;
  }

  byte[] toByteArray() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
