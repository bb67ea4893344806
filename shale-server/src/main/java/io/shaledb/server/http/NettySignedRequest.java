package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.shaledb.server.auth.Sha256;
import io.shaledb.server.auth.SignedRequest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Netty request as SigV4 verification reads it; the body's hash is computed only when asked for. */
final class NettySignedRequest implements SignedRequest {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[4096]);
  private final FullHttpRequest request;
  private final int query;

  NettySignedRequest(FullHttpRequest request) {
    this.request = request;
    this.query = request.uri().indexOf('?');
  }

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String rawPath() {
    return query < 0 ? request.uri() : request.uri().substring(0, query);
  }

  @Override
  public String rawQuery() {
    return query < 0 ? "" : request.uri().substring(query + 1);
  }

  @Override
  public List<String> headerValues(String name) {
    return request.headers().getAll(name);
  }

  @Override
  public @Nullable String header(String name) {
    return request.headers().get(name);
  }

  /**
   * Hashed from the body's own memory where it has an array, else copied through this thread's chunk: the body is
   * usually a composite of pooled direct buffers, whose NIO views cost an array and a buffer object per request.
   */
  @Override
  public String payloadSha256Hex() {
    ByteBuf body = request.content();
    MessageDigest digest = Sha256.digest();
    if (body.hasArray()) {
      digest.update(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
    } else {
      byte[] chunk = CHUNKS.get();
      for (int at = body.readerIndex(); at < body.writerIndex(); at += chunk.length) {
        int length = Math.min(chunk.length, body.writerIndex() - at);
        body.getBytes(at, chunk, 0, length);
        digest.update(chunk, 0, length);
      }
    }
    return HEX.formatHex(digest.digest());
  }
}
