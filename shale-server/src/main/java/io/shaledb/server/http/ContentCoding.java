package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.util.AsciiString;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The content codings DynamoDB reads in request bodies and writes in responses: gzip, and deflate, which HTTP defines
 * as a zlib stream (RFC 9110, 8.4.1.2). Both are the JDK's streams, which behave as DynamoDB does at the edges
 * (ScyllaDB's tests run against the service, test/alternator/test_compressed_request.py): gzip members may be
 * concatenated and bytes after the last member are ignored; a deflate body is one zlib stream, and what follows it is
 * not read.
 */
enum ContentCoding {
  GZIP("gzip") {
    @Override
    InputStream decoding(InputStream encoded) throws IOException {
      return new GZIPInputStream(encoded, BUFFER_BYTES);
    }

    @Override
    OutputStream encoding(OutputStream decoded) throws IOException {
      return new GZIPOutputStream(decoded, BUFFER_BYTES);
    }
  },
  DEFLATE("deflate") {
    @Override
    InputStream decoding(InputStream encoded) {
      return new InflaterInputStream(encoded);
    }

    @Override
    OutputStream encoding(OutputStream decoded) {
      return new DeflaterOutputStream(decoded);
    }
  };

  /**
   * DynamoDB's answer to a body it cannot decode, or in a coding it does not know: HTTP 500 (ScyllaDB's tests above),
   * with the type and message DynamoDB Local 3.3.1 gives a body it cannot read, in Coral's service namespace as the
   * other framework errors.
   */
  static final String UNDECODABLE_MESSAGE =
      "The request processing has failed because of an unknown error, exception or failure.";

  private static final int BUFFER_BYTES = 8192;

  private final String token;
  private final AsciiString header;

  ContentCoding(String token) {
    this.token = token;
    this.header = AsciiString.cached(token);
  }

  /** The coding's name in Content-Encoding. */
  AsciiString header() {
    return header;
  }

  String token() {
    return token;
  }

  abstract InputStream decoding(InputStream encoded) throws IOException;

  abstract OutputStream encoding(OutputStream decoded) throws IOException;

  /**
   * The coding of a request body as its Content-Encoding names it; null for a body sent as it is (no header, or
   * identity).
   *
   * @throws DynamoException for any other coding, which DynamoDB refuses without running the call
   */
  static @Nullable ContentCoding ofRequest(String contentEncoding) {
    String name = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.equals("identity")) {
      return null;
    }
    for (ContentCoding coding : values()) {
      if (coding.token.equals(name)) {
        return coding;
      }
    }
    throw undecodable();
  }

  static DynamoException undecodable() {
    return new DynamoException(ErrorCode.INTERNAL_FAILURE, UNDECODABLE_MESSAGE);
  }

  /** {@code body} encoded in a new buffer; {@code body} is released. */
  ByteBuf encode(ByteBuf body, ByteBufAllocator allocator) {
    ByteBuf encoded = allocator.buffer(body.readableBytes() / 4 + 64);
    try (OutputStream out = encoding(new ByteBufOutputStream(encoded))) {
      body.readBytes(out, body.readableBytes());
    } catch (IOException impossible) {
      encoded.release();
      throw new IllegalStateException("writing to memory failed", impossible);
    } finally {
      body.release();
    }
    return encoded;
  }
}
