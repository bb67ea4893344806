package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.CompositeByteBuf;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body decompressed from its Content-Encoding, whole, before the call runs: a body that turns out
 * undecodable at its end (a cut-off or corrupt trailer) must run nothing, and the JSON parser may stop reading before
 * the end. Inflation is bounded: the decompressed bytes count against the body memory chunk by chunk as they are made
 * (with the ceiling of a large body once they are one) and against the request size limit, so a small body that
 * inflates without end is refused as soon as it passes either. DynamoDB sets no limit on the decompressed size
 * (ScyllaDB's tests found a gigabyte accepted); ShaleDB keeps its memory bounded instead.
 */
final class DecodedBody implements AutoCloseable {
  /** Each chunk a whole allocator page: reserved before it is filled, never copied as the body grows. */
  static final int CHUNK_BYTES = 64 * 1024;

  private final CompositeByteBuf content;
  private final BodyMemory memory;
  private long reserved;

  private DecodedBody(CompositeByteBuf content, BodyMemory memory) {
    this.content = content;
    this.memory = memory;
  }

  /**
   * Decodes {@code encoded} (which stays the caller's) in {@code coding}.
   *
   * @throws io.shaledb.core.error.DynamoException when it cannot be decoded, decodes to more than {@code maxBytes}, or
   *     does not fit in the body memory
   */
  static DecodedBody decode(ByteBuf encoded, ContentCoding coding, ByteBufAllocator allocator, BodyMemory memory,
      int maxBytes) {
    DecodedBody decoded = new DecodedBody(allocator.compositeBuffer(Integer.MAX_VALUE), memory);
    try (InputStream in = coding.decoding(new ByteBufInputStream(encoded.duplicate()))) {
      decoded.fill(in, allocator, maxBytes);
      return decoded;
    } catch (IOException undecodable) {
      decoded.close();
      throw ContentCoding.undecodable();
    } catch (RuntimeException e) {
      decoded.close();
      throw e;
    }
  }

  private void fill(InputStream in, ByteBufAllocator allocator, int maxBytes) throws IOException {
    boolean ended = false;
    while (!ended) {
      if (!memory.tryReserve(CHUNK_BYTES, reserved + CHUNK_BYTES)) {
        throw BodyMemory.throttled();
      }
      reserved += CHUNK_BYTES;
      ByteBuf chunk = allocator.buffer(CHUNK_BYTES, CHUNK_BYTES);
      try {
        while (chunk.isWritable() && !ended) {
          ended = chunk.writeBytes(in, chunk.writableBytes()) < 0;
        }
      } catch (IOException | RuntimeException e) {
        chunk.release();
        throw e;
      }
      content.addComponent(true, chunk);
      if (content.readableBytes() > maxBytes) {
        throw HttpApiServer.requestTooLarge();
      }
    }
  }

  /** The decompressed body; it stays this object's. */
  ByteBuf content() {
    return content;
  }

  /** Frees the body and gives its memory back. */
  @Override
  public void close() {
    content.release();
    memory.release(reserved);
    reserved = 0;
  }
}
