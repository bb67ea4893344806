package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.shaledb.server.auth.Sha256;
import io.shaledb.server.auth.SignedRequest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Netty request as SigV4 verification reads it; the body's hash is computed only when asked for. */
final class NettySignedRequest implements SignedRequest {
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

  @Override
  public String payloadSha256Hex() {
    ByteBuf body = request.content();
    MessageDigest digest = Sha256.digest();
    for (ByteBuffer part : body.nioBuffers(body.readerIndex(), body.readableBytes())) {
      digest.update(part);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
