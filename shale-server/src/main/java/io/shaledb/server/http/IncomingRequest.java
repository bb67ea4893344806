package io.shaledb.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCounted;
import org.jspecify.annotations.Nullable;

/**
 * What the aggregator passes on for each request, in arrival order: the request with its whole body, or the news
 * that it was refused because its body did not fit in the body memory.
 */
sealed interface IncomingRequest {

  /**
   * A request with its whole body, which stays charged to the body memory until the last reference to this request
   * is released. Whoever keeps the body beyond the request's handling retains this, never the body itself: only a
   * release through here gives the memory back.
   */
  final class Admitted implements IncomingRequest, ReferenceCounted {
    private final FullHttpRequest http;
    private final long reserved;
    private final BodyMemory memory;

    Admitted(FullHttpRequest http, long reserved, BodyMemory memory) {
      this.http = http;
      this.reserved = reserved;
      this.memory = memory;
    }

    FullHttpRequest http() {
      return http;
    }

    @Override
    public int refCnt() {
      return http.refCnt();
    }

    @Override
    public Admitted retain() {
      http.retain();
      return this;
    }

    @Override
    public Admitted retain(int increment) {
      http.retain(increment);
      return this;
    }

    @Override
    public Admitted touch() {
      http.touch();
      return this;
    }

    @Override
    public Admitted touch(Object hint) {
      http.touch(hint);
      return this;
    }

    @Override
    public boolean release() {
      return release(1);
    }

    @Override
    public boolean release(int decrement) {
      boolean freed = http.release(decrement);
      if (freed) {
        memory.release(reserved);
      }
      return freed;
    }
  }

  /**
   * A request refused for want of body memory; its body is read and dropped as it arrives.
   *
   * @param keepAlive whether the connection may serve more requests after the refusal: not when the client waits
   *     for a 100 Continue before sending the body, since it may then never send it
   * @param allowedOrigin the CORS origin allowed to read the refusal ({@link Cors#allowedOrigin}), or null
   */
  record Refused(boolean keepAlive, @Nullable CharSequence allowedOrigin) implements IncomingRequest {}
}
