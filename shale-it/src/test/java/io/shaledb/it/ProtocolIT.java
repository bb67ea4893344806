package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbExtension;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/** The wire protocol as any HTTP client sees it: headers, health, authentication, oversized and broken requests. */
@ShaleDbTest
class ProtocolIT {
  private final URI endpoint;
  private final DynamoDbClient client;

  ProtocolIT(URI endpoint, DynamoDbClient client) {
    this.endpoint = endpoint;
    this.client = client;
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

  /** DynamoDB's health line names the host the client used (ScyllaDB's test_health.py, against the service). */
  @Test
  void get_answersAHealthLine_namingTheHostUsed() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("healthy: " + endpoint.getAuthority() + " ");
  }

  @Test
  void getOfAnotherPath_isNotFound() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint.resolve("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  /** DynamoDB's responses carry "Server: Server" and a Date, errors included (recorded responses of the service). */
  @Test
  void responses_carryServerAndDate_errorsToo() {
    SdkHttpResponse answered = client.listTables().sdkHttpResponse();
    AwsServiceException failed = catchThrowableOfType(AwsServiceException.class,
        () -> client.describeTable(r -> r.tableName("no-such-table")));

    for (SdkHttpResponse response : List.of(answered, failed.awsErrorDetails().sdkHttpResponse())) {
      assertThat(response.firstMatchingHeader("Server")).hasValue("Server");
      assertThat(response.firstMatchingHeader("Date").map(DateTimeFormatter.RFC_1123_DATE_TIME::parse))
          .isPresent();
    }
  }

  /**
   * DescribeEndpoints answers with the address the client reached, which then serves (ScyllaDB's
   * test_describe_endpoints.py, against the service, calls it).
   */
  @Test
  void describeEndpoints_returnsTheAddressTheClientReached() {
    List<Endpoint> endpoints = client.describeEndpoints(r -> { }).endpoints();

    assertThat(endpoints).singleElement().satisfies(e -> {
      assertThat(e.address()).isEqualTo(endpoint.getAuthority());
      assertThat(e.cachePeriodInMinutes()).isEqualTo(1440L);
    });
    try (DynamoDbClient reached = ShaleDbExtension.clientFor(URI.create("http://" + endpoints.get(0).address()))) {
      assertThat(reached.describeEndpoints(r -> { }).endpoints()).hasSize(1);
    }
  }

  /**
   * CORS as DynamoDB answers browsers (ScyllaDB's test_cors.py, against the service), for an origin the server allows
   * (a page served from this machine); it names the origin rather than DynamoDB's {@code *}.
   */
  @Test
  void corsPreflight_allowsWhatTheBrowserAsks_andCallsFromAnOriginMayBeRead() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(endpoint)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-amz-date,x-amz-target")
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> call = http.send(HttpRequest.newBuilder(endpoint)
        .header("Origin", "http://localhost:3000")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("authorization,content-type,x-amz-date,x-amz-target");
    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(call.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
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
