package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.AsciiString;
import io.shaledb.server.auth.Sha256;
import io.shaledb.server.auth.SignedRequest;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Netty request as SigV4 verification reads it; the body's hash is computed only when asked for.
 *
 * <p>The headers are copied once into arrays, with each name's case-insensitive hash (Netty keeps it in the name
 * since the decoder added the header), and looked up by scanning the hashes: verification asks for about ten headers
 * by name (the Authorization header's parts, the date, the target, each signed header), and comparing each header's
 * name with each name asked for was a fifth of verification's samples in a profile over HTTP. The names asked for
 * are Strings, whose case-insensitive hash Netty computes anew on every lookup (a tenth of verification's samples),
 * so each name's hash is kept ({@link #hashOf}).
 */
final class NettySignedRequest implements SignedRequest {
  private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[4096]);
  /**
   * The hashes of the names looked up, by the name's own (cached) String hash: they are the verifier's constants and
   * the names of the signed header list it keeps, so the same few String objects come back on every request. Slots
   * are replaced whole and hold immutable entries, so event loops sharing them at most compute a hash again.
   */
  private static final NameHash[] NAME_HASHES = new NameHash[64];

  private record NameHash(String name, int hash) {}

  private final FullHttpRequest request;
  private final int query;
  private final CharSequence[] names;
  private final CharSequence[] values;
  private final int[] hashes;

  NettySignedRequest(FullHttpRequest request) {
    this.request = request;
    this.query = request.uri().indexOf('?');
    int count = request.headers().size();
    this.names = new CharSequence[count];
    this.values = new CharSequence[count];
    this.hashes = new int[count];
    Iterator<Map.Entry<CharSequence, CharSequence>> headers = request.headers().iteratorCharSequence();
    for (int i = 0; i < count && headers.hasNext(); i++) {
      Map.Entry<CharSequence, CharSequence> header = headers.next();
      names[i] = header.getKey();
      values[i] = header.getValue();
      hashes[i] = AsciiString.hashCode(header.getKey());
    }
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
    int hash = hashOf(name);
    int first = indexOf(name, hash, 0);
    if (first < 0) {
      return List.of();
    }
    int second = indexOf(name, hash, first + 1);
    if (second < 0) {
      return List.of(values[first].toString());
    }
    List<String> all = new ArrayList<>(4);
    for (int i = first; i >= 0; i = indexOf(name, hash, i + 1)) {
      all.add(values[i].toString());
    }
    return all;
  }

  @Override
  public @Nullable String header(String name) {
    int index = indexOf(name, hashOf(name), 0);
    return index < 0 ? null : values[index].toString();
  }

  /** Netty's case-insensitive hash of {@code name}, computed once per String object asked for. */
  @SuppressWarnings("ReferenceEquality") // the same object: equal names in other objects only miss the slot
  private static int hashOf(String name) {
    int slot = name.hashCode() & (NAME_HASHES.length - 1);
    NameHash known = NAME_HASHES[slot];
    if (known != null && known.name() == name) {
      return known.hash();
    }
    int hash = AsciiString.hashCode(name);
    NAME_HASHES[slot] = new NameHash(name, hash);
    return hash;
  }

  /** The first header named {@code name} (ignoring case; {@code hash} is its hash) from {@code from} on, or -1. */
  private int indexOf(String name, int hash, int from) {
    for (int i = from; i < hashes.length; i++) {
      if (hashes[i] == hash && names[i] != null && AsciiString.contentEqualsIgnoreCase(names[i], name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Hashed from the body's own memory where it has an array, else copied through this thread's chunk: the body is
   * usually a composite of pooled direct buffers, whose NIO views cost an array and a buffer object per request.
   */
  @Override
  public byte[] payloadSha256() {
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
    return digest.digest();
  }
}
