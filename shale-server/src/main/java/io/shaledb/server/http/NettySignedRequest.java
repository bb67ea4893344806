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
 * and which Netty compares with a header's name character by character through {@code CharSequence} (a sixth, once
 * the hash was kept), so each name's hash and lower-case bytes are kept ({@link #lookupName}) and compared with the
 * bytes of the header's name.
 */
final class NettySignedRequest implements SignedRequest {
  private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[4096]);
  /**
   * The names looked up, by the name's own (cached) String hash: they are the verifier's constants and the names of
   * the signed header list it keeps, so the same few String objects come back on every request. Slots are replaced
   * whole and hold entries never changed, so event loops sharing them at most make an entry again.
   */
  private static final LookupName[] LOOKUP_NAMES = new LookupName[64];

  /**
   * A name looked up, with Netty's case-insensitive hash of it and, when it is ASCII, its bytes in lower case.
   *
   * @param lowerCase read only
   */
  private record LookupName(String name, int hash, byte @Nullable [] lowerCase) {
    static LookupName of(String name) {
      byte[] lower = new byte[name.length()];
      for (int i = 0; i < lower.length; i++) {
        char c = name.charAt(i);
        if (c >= 0x80) {
          return new LookupName(name, AsciiString.hashCode(name), null);
        }
        lower[i] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      }
      return new LookupName(name, AsciiString.hashCode(name), lower);
    }

    /** Whether a header's name is this one, ignoring ASCII case as Netty's headers do. */
    boolean names(CharSequence headerName) {
      if (lowerCase == null || !(headerName instanceof AsciiString ascii)) {
        return AsciiString.contentEqualsIgnoreCase(headerName, name);
      }
      if (ascii.length() != lowerCase.length) {
        return false;
      }
      byte[] bytes = ascii.array();
      int offset = ascii.arrayOffset();
      for (int i = 0; i < lowerCase.length; i++) {
        int c = bytes[offset + i];
        if (c != lowerCase[i] && (c < 'A' || c > 'Z' || c + ('a' - 'A') != lowerCase[i])) {
          return false;
        }
      }
      return true;
    }
  }

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
    LookupName lookup = lookupName(name);
    int first = indexOf(lookup, 0);
    if (first < 0) {
      return List.of();
    }
    int second = indexOf(lookup, first + 1);
    if (second < 0) {
      return List.of(values[first].toString());
    }
    List<String> all = new ArrayList<>(4);
    for (int i = first; i >= 0; i = indexOf(lookup, i + 1)) {
      all.add(values[i].toString());
    }
    return all;
  }

  @Override
  public @Nullable String header(String name) {
    int index = indexOf(lookupName(name), 0);
    return index < 0 ? null : values[index].toString();
  }

  /** {@code name} as it is looked up, made once per String object asked for. */
  @SuppressWarnings("ReferenceEquality") // the same object: equal names in other objects only miss the slot
  private static LookupName lookupName(String name) {
    int slot = name.hashCode() & (LOOKUP_NAMES.length - 1);
    LookupName known = LOOKUP_NAMES[slot];
    if (known != null && known.name() == name) {
      return known;
    }
    LookupName made = LookupName.of(name);
    LOOKUP_NAMES[slot] = made;
    return made;
  }

  /** The first header named {@code name} (ignoring case) from {@code from} on, or -1. */
  private int indexOf(LookupName name, int from) {
    for (int i = from; i < hashes.length; i++) {
      if (hashes[i] == name.hash() && names[i] != null && name.names(names[i])) {
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
