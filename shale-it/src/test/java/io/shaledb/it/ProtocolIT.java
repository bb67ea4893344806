package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The wire protocol as any HTTP client sees it: headers, health, authentication, oversized and broken requests. */
@ShaleDbTest
class ProtocolIT {
  private final URI endpoint;

  ProtocolIT(URI endpoint) {
    this.endpoint = endpoint;
  }

  @Test
  void responses_carryRequestIdAndTheCrc32OfTheBody() throws Exception {
    RawDynamo.Response response = RawDynamo.post(endpoint, "ListTables", "{}");

    CRC32 crc = new CRC32();
    crc.update(response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-amz-crc32")).containsExactly(Long.toString(crc.getValue()));
    assertThat(response.headers().get("x-amzn-requestid").get(0)).matches("[A-Z0-9]{52}");
    assertThat(response.headers().get("content-type")).containsExactly("application/x-amz-json-1.0");
  }

  @Test
  void get_answersAHealthLine() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
  }

  @Test
  void missingAuthorization_isMissingAuthenticationToken() throws Exception {
    RawDynamo.Response response = RawDynamo.send(endpoint,
        Map.of("X-Amz-Target", "DynamoDB_20120810.ListTables"), "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
        + "\"message\":\"Request is missing Authentication Token\"}");
  }

  @Test
  void bodiesOver16MB_areRefusedWithoutBeingRead() throws Exception {
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
          + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nAuthorization: AWS4-HMAC-SHA256 Credential=a/b/c/d/e\r\n"
          + "Content-Length: " + (17 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readHead(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413");
    }
    assertThat(RawDynamo.post(endpoint, "ListTables", "{}").status()).as("the server still serves").isEqualTo(200);
  }

  @Test
  void malformedHttp_doesNotHurtTheServer() throws Exception {
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      readHead(socket.getInputStream());
    }
    assertThat(RawDynamo.post(endpoint, "ListTables", "{}").status()).isEqualTo(200);
  }

  @Test
  void keepAlive_servesManyRequestsOnOneConnection() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
          .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request")
          .header("Content-Type", "application/x-amz-json-1.0")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      head.append((char) b);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }
}
