package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DateFormatter;
import io.shaledb.server.protocol.ApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge's codings and headers on a real connection: compressed request bodies, compressed responses with
 * their CRC32, the headers every response carries, the health check and CORS. The handler echoes the body it was
 * given, so what it saw is what comes back.
 */
class HttpApiServerCodingTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final AtomicInteger calls = new AtomicInteger();
  private final ApiHandler echo = (request, body, response) -> {
    calls.incrementAndGet();
    body.transferTo(response);
  };
  private HttpApiServer server;
  private URI endpoint;

  @BeforeEach
  void start() throws InterruptedException {
    server = HttpApiServer.start("127.0.0.1", 0, echo, true, HttpLimits.defaults(), Clock.systemUTC());
    endpoint = URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> post(byte[] body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  private static byte[] read(InputStream decoded) throws IOException {
    try (decoded) {
      return decoded.readAllBytes();
    }
  }

  /**
   * The body memory in use once the server has seen its responses written: a response's own bytes are given back when
   * its write completes, which may be just after the client has read it. Bounded, so a leak fails the test.
   */
  private long memoryOnceResponsesAreWritten() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.memory().used() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    return server.memory().used();
  }

  private static String crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return Long.toString(crc.getValue());
  }

  @Test
  void gzipRequest_runsOnItsDecompressedBody() throws Exception {
    byte[] json = "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> response = post(gzip(json), "Content-Encoding", "gzip");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(json);
    assertThat(memoryOnceResponsesAreWritten()).as("the decompressed body's memory is given back").isZero();
  }

  @Test
  void requestInAnUnknownCoding_isAnInternalFailure_andRunsNothing() throws Exception {
    HttpResponse<byte[]> response = post("{}".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "garbage");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"__type\":\"com.amazon.coral.service#InternalFailure\",\"message\":\"The request processing has failed"
        + " because of an unknown error, exception or failure.\"}");
    assertThat(calls).hasValue(0);
  }

  @Test
  void undecodableGzipRequest_isAnInternalFailure_andRunsNothing() throws Exception {
    byte[] whole = gzip("{}".getBytes(StandardCharsets.UTF_8));
    byte[] cutShort = Arrays.copyOf(whole, whole.length - 1);

    assertThat(post(cutShort, "Content-Encoding", "gzip").statusCode()).isEqualTo(500);
    assertThat(calls).hasValue(0);
  }

  @Test
  void largeResponse_isGzipped_whenAsked_withTheCrc32OfTheBytesSent() throws Exception {
    byte[] large = ("{\"x\":\"" + "y".repeat(ApiRequestHandler.COMPRESSION_THRESHOLD) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> response = post(large, "Accept-Encoding", "gzip");

    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.body().length).isLessThan(large.length / 10);
    assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(crc32(response.body()));
    assertThat(read(new GZIPInputStream(new ByteArrayInputStream(response.body())))).isEqualTo(large);
  }

  @Test
  void largeResponse_isDeflated_asAZlibStream_whenDeflateIsPreferred() throws Exception {
    byte[] large = ("{\"x\":\"" + "y".repeat(ApiRequestHandler.COMPRESSION_THRESHOLD) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> response = post(large, "Accept-Encoding", "gzip;q=0.5, deflate");

    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("deflate");
    assertThat(read(new InflaterInputStream(new ByteArrayInputStream(response.body())))).isEqualTo(large);
  }

  @Test
  void responseOfTheThresholdOrLess_isSentAsItIs() throws Exception {
    byte[] small = "y".repeat(ApiRequestHandler.COMPRESSION_THRESHOLD).getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> response = post(small, "Accept-Encoding", "gzip");

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(response.body()).isEqualTo(small);
  }

  @Test
  void everyResponse_carriesServerAndDate() throws Exception {
    HttpResponse<byte[]> answered = post("{}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> refused = HTTP.send(HttpRequest.newBuilder(endpoint)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());

    for (HttpResponse<byte[]> response : List.of(answered, refused)) {
      assertThat(response.headers().firstValue("Server")).hasValue("Server");
      Date date = DateFormatter.parseHttpDate(response.headers().firstValue("Date").orElseThrow());
      assertThat(date).as("an HTTP date").isNotNull();
    }
    assertThat(refused.statusCode()).as("no Authorization").isEqualTo(400);
  }

  @Test
  void healthCheck_namesTheHostTheClientUsed_andOtherPathsAreNotFound() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: dynamodb.example.test:8000\r\n\r\n"
          + "GET /health HTTP/1.1\r\nHost: dynamodb.example.test:8000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      RawHttp.Response health = RawHttp.read(socket.getInputStream());
      RawHttp.Response other = RawHttp.read(socket.getInputStream());

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("healthy: dynamodb.example.test:8000 ");
      assertThat(other.status()).isEqualTo(404);
    }
  }

  private HttpResponse<byte[]> preflight(String origin) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(endpoint)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, x-amz-target")
        .build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void crossOriginRequests_fromLoopbackOrigins_getTheCorsHeaders_andPreflightsEchoWhatTheyAsk() throws Exception {
    HttpResponse<byte[]> preflight = preflight("http://localhost:3000");
    HttpResponse<byte[]> call = post("{}".getBytes(StandardCharsets.UTF_8), "Origin", "http://localhost:3000");
    HttpResponse<byte[]> sameOrigin = post("{}".getBytes(StandardCharsets.UTF_8));

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization, x-amz-target");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(call.headers().firstValue("Vary")).hasValue("origin");
    assertThat(call.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
    assertThat(call.headers().firstValue("Access-Control-Max-Age")).isEmpty();
    assertThat(sameOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(calls).as("the preflight runs nothing").hasValue(2);
  }

  @Test
  void crossOriginRequests_fromOriginsNotAllowed_getNoCorsHeaders() throws Exception {
    HttpResponse<byte[]> preflight = preflight("http://evil.example");
    HttpResponse<byte[]> call = post("{}".getBytes(StandardCharsets.UTF_8), "Origin", "http://evil.example");

    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
