package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A response body written as a stream into pooled buffers that are chained, never grown: growing one buffer copies
 * everything written so far at each doubling, which for a page of a hundred items was 6% of a Query's samples. The
 * JSON generator writes in blocks of its own buffer's size, so a body is one buffer, returned as it is, or a few for
 * a large page, chained in a composite buffer. Nothing is allocated before the first write, so a call that declines
 * to run here ({@link io.shaledb.server.protocol.ApiHandler#handleWithoutBlocking}) costs no buffer.
 */
final class ResponseBody extends OutputStream {
  private static final int MIN_BUFFER = 1024;

  private final ByteBufAllocator allocator;
  /** The full buffers before {@code current}; created when a body outgrows its first buffer. */
  private @Nullable CompositeByteBuf written;
  private @Nullable ByteBuf current;

  ResponseBody(ByteBufAllocator allocator) {
    this.allocator = allocator;
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
      if (current != null) {
        if (written == null) {
          written = allocator.compositeBuffer(Integer.MAX_VALUE);
        }
        written.addComponent(true, current);
      }
      current = allocator.buffer(Math.max(length, MIN_BUFFER));
    }
    return current;
  }

  /** The body written; the caller owns it. */
  ByteBuf finish() {
    if (current == null) {
      return Unpooled.EMPTY_BUFFER;
    }
    return written == null ? current : written.addComponent(true, current);
  }

  /** Frees what was written, for a call that failed part-way. */
  void discard() {
    if (current != null) {
      current.release();
      current = null;
    }
    if (written != null) {
      written.release();
      written = null;
    }
  }
}
