package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.io.OutputStream;

/**
 * A response body written as a stream into pooled buffers that are chained, never grown: growing one buffer copies
 * everything written so far at each doubling, which for a page of a hundred items was 6% of a Query's samples. The
 * JSON generator writes in blocks of its own buffer's size, so a body is one buffer, or a few for a large page.
 */
final class ResponseBody extends OutputStream {
  private static final int MIN_BUFFER = 1024;

  private final ByteBufAllocator allocator;
  private final CompositeByteBuf written;
  private ByteBuf current;

  ResponseBody(ByteBufAllocator allocator) {
    this.allocator = allocator;
    this.written = allocator.compositeBuffer(Integer.MAX_VALUE);
  }

  @Override
  public void write(int b) {
    room(1).writeByte(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    room(length).writeBytes(bytes, offset, length);
  }

  private ByteBuf room(int length) {
    if (current == null || current.writableBytes() < length) {
      addCurrent();
      current = allocator.buffer(Math.max(length, MIN_BUFFER));
    }
    return current;
  }

  private void addCurrent() {
    if (current != null) {
      written.addComponent(true, current);
      current = null;
    }
  }

  /** The body written so far; the caller owns it. */
  ByteBuf finish() {
    addCurrent();
    return written;
  }

  /** Frees what was written, for a call that failed part-way. */
  void discard() {
    if (current != null) {
      current.release();
      current = null;
    }
    written.release();
  }
}
