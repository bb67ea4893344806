package io.shaledb.rocksdb;

import java.nio.ByteBuffer;

/**
 * One thread's direct buffers for RocksDB's reads through ByteBuffers: a key buffer that grows to the longest key
 * seen, and a value buffer of fixed size that holds most items (a longer value is read another way).
 */
final class ReadBuffers {
  private static final int VALUE_BYTES = 16 * 1024;

  private ByteBuffer key = ByteBuffer.allocateDirect(1024);
  private final ByteBuffer value = ByteBuffer.allocateDirect(VALUE_BYTES);

  /** {@code bytes} in the key buffer, ready to be read. */
  ByteBuffer key(byte[] bytes) {
    if (bytes.length > key.capacity()) {
      key = ByteBuffer.allocateDirect(Integer.highestOneBit(bytes.length) << 1);
    }
    return key.clear().put(bytes).flip();
  }

  /** The value buffer, emptied for the next read. */
  ByteBuffer value() {
    return value.clear();
  }

  /** What a read left between the buffer's position and limit, as an array. */
  static byte[] copy(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
