package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.protocol.ApiHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The transport's ordering promise when calls run on workers: responses leave in the order requests arrived. */
class HttpApiServerTest {
  private static final int CALLS = 12;

  /** Echoes the request body after sleeping longer for earlier calls, so finishing order is the reverse of arrival. */
  private static final ApiHandler SLOWER_FIRST = (request, body, response) -> {
    byte[] number = body.readAllBytes();
    try {
      Thread.sleep(3L * (CALLS - Integer.parseInt(new String(number, StandardCharsets.US_ASCII))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    response.write(number);
  };

  @Test
  void pipelinedRequests_areAnsweredInArrivalOrder_whenCallsRunOnWorkers() throws Exception {
    try (HttpApiServer server = HttpApiServer.start("127.0.0.1", 0, "us-east-1", SLOWER_FIRST, true);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      StringBuilder pipelined = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        pipelined.append(post(Integer.toString(i)));
        expected.add(Integer.toString(i));
        if (i == CALLS / 2) {
          pipelined.append("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
          expected.add("healthy: dynamodb.us-east-1.amazonaws.com ");
        }
      }
      socket.getOutputStream().write(pipelined.toString().getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        bodies.add(readBody(socket.getInputStream()));
      }
      assertThat(bodies).containsExactlyElementsOf(expected);
    }
  }

  private static String post(String body) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  /** Reads one response and returns its body, found through its Content-Length. */
  private static String readBody(InputStream in) throws IOException {
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
    return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}
