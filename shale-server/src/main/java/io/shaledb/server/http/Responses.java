package io.shaledb.server.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The headers every DynamoDB response carries: {@code Server}, {@code Date}, the content type and length,
 * {@code x-amzn-RequestId} and {@code x-amz-crc32}, in the order DynamoDB sends them.
 */
final class Responses {
  static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");
  static final AsciiString CRC32_HEADER = AsciiString.cached("x-amz-crc32");
  static final AsciiString JSON_1_0 = AsciiString.cached("application/x-amz-json-1.0");
  /** What DynamoDB's endpoints name themselves in the {@code Server} header. */
  static final AsciiString SERVER = AsciiString.cached("Server");

  private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);

  /** The Date header of one second, formatted once for all the responses of that second. */
  private record DateHeader(long second, AsciiString value) {}

  private final Clock clock;
  private volatile DateHeader date = new DateHeader(Long.MIN_VALUE, AsciiString.EMPTY_STRING);

  Responses(Clock clock) {
    this.clock = clock;
  }

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

  /**
   * Sets the server, date, content type and length, request id and the CRC32 of the body as it is sent (compressed,
   * when it is), which the SDKs verify before they decompress.
   */
  void addHeaders(FullHttpResponse response, CharSequence requestId) {
    CRC32 crc = new CRC32();
    for (ByteBuffer part : response.content().nioBuffers()) {
      crc.update(part);
    }
    response.headers()
        .set(HttpHeaderNames.SERVER, SERVER)
        .set(HttpHeaderNames.DATE, date())
        .set(HttpHeaderNames.CONTENT_TYPE, JSON_1_0)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(REQUEST_ID, requestId)
        .set(CRC32_HEADER, Long.toString(crc.getValue()));
  }

  /** The current second in HTTP's date format, formatted anew only when the second has changed. */
  @SuppressWarnings("JavaUtilDate") // Netty's DateFormatter formats a Date
  private AsciiString date() {
    long second = Math.floorDiv(clock.millis(), 1000);
    DateHeader current = date;
    if (current.second() != second) {
      current = new DateHeader(second, new AsciiString(DateFormatter.format(new Date(second * 1000))));
      date = current;
    }
    return current.value();
  }
}
