package io.shaledb.server.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/** The headers every DynamoDB response carries. */
final class Responses {
  static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");
  static final AsciiString CRC32_HEADER = AsciiString.cached("x-amz-crc32");
  static final AsciiString JSON_1_0 = AsciiString.cached("application/x-amz-json-1.0");

  private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);

  private Responses() {}

  /**
   * A request id in DynamoDB's shape: 52 upper-case letters and digits. Made as ASCII bytes that the header then
   * wraps and writes as they are (a String took a char array, its own copy, and encoding at the write).
   */
  static AsciiString newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] id = new byte[52];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new AsciiString(id, false);
  }

  /** Sets content type, length, request id and the CRC32 of the body, which the SDKs verify. */
  static void addHeaders(FullHttpResponse response, CharSequence requestId) {
    CRC32 crc = new CRC32();
    for (ByteBuffer part : response.content().nioBuffers()) {
      crc.update(part);
    }
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, JSON_1_0)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(REQUEST_ID, requestId)
        .set(CRC32_HEADER, Long.toString(crc.getValue()));
  }
}
