package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP/1.1 written and read by hand, for what a client library hides: pipelining, trickling, closed connections. */
final class RawHttp {
  private RawHttp() {}

  /** One response: its head (status line and headers) and its body. */
  record Response(String head, String body) {
    int status() {
      return Integer.parseInt(head.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    boolean closesTheConnection() {
      return head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n");
    }
  }

  /** A signed-looking API call with {@code body} and any {@code extraHeaders} (each ending in CRLF). */
  static String post(String body, String extraHeaders) {
    return head(body.length(), extraHeaders) + body;
  }

  /** The head of such a call, announcing a body of {@code contentLength} bytes. */
  static String head(int contentLength, String extraHeaders) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n" + extraHeaders
        + "Authorization: AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + contentLength + "\r\n\r\n";
  }

  /** Reads one response, its body found through its Content-Length. */
  static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed inside a response head: " + head);
      }
      head.write(b);
    }
    int length = -1;
    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    assertThat(length).as("content-length in %s", head).isNotNegative();
    return new Response(head.toString(StandardCharsets.US_ASCII),
        new String(in.readNBytes(length), StandardCharsets.US_ASCII));
  }
}
