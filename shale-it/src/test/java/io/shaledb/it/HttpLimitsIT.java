package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbExtension;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.http.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The HTTP edge's limits as an SDK client meets them: a full server still serves it, a full memory throttles it. */
class HttpLimitsIT {
  private final List<Socket> idle = new ArrayList<>();
  private ShaleDbServer server;

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : idle) {
      socket.close();
    }
    server.close();
  }

  private DynamoDbClient start(HttpLimits limits) throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withHttpLimits(limits));
    return ShaleDbExtension.clientFor(server.endpoint());
  }

  /** A connection the server has accepted, left idle after one health check, as a leaking pool leaves them. */
  private void idleConnection() throws IOException {
    Socket socket = new Socket(server.endpoint().getHost(), server.port());
    socket.setSoTimeout(10_000);
    idle.add(socket);
    socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder response = new StringBuilder();
    while (!response.toString().endsWith("healthy: localhost ")) {
      int next = in.read();
      assertThat(next).as("the health check's answer, whole: %s", response).isNotNegative();
      response.append((char) next);
    }
  }

  @Test
  void sdkClient_whenIdleConnectionsFillTheLimit_isServed_andTheIdleOnesClosed() throws Exception {
    try (DynamoDbClient client = start(HttpLimits.defaults().withMaxConnections(3))) {
      for (int i = 0; i < 3; i++) {
        idleConnection();
      }

      assertThat(client.listTables().tableNames()).isEmpty();

      for (Socket socket : idle) {
        assertThat(socket.getInputStream().read()).as("closed to make room").isEqualTo(-1);
      }
    }
  }

  @Test
  void putItemBeyondTheBodyMemory_isAThrottlingExceptionTheSdkRetries() throws Exception {
    HttpLimits limits = new HttpLimits(HttpLimits.DEFAULT_IDLE_TIMEOUT, HttpLimits.DEFAULT_REQUEST_TIMEOUT, 100,
        256 * 1024);
    try (DynamoDbClient client = start(limits);
        DynamoDbClient retryingThrice = DynamoDbClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .circuitBreakerEnabled(false)
                .build()))
            .build()) {
      String table = Tables.createSimple(client, "throttled");
      Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("big"),
          "payload", AttributeValue.fromS("x".repeat(300_000)));

      DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
          () -> retryingThrice.putItem(r -> r.tableName(table).item(item)));

      // The __type and message of DynamoDB's ThrottlingException (developer guide, "Error handling with DynamoDB").
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate of requests exceeds the allowed throughput.");
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.isThrottlingException()).isTrue();
      assertThat(e.numAttempts()).as("retried").isEqualTo(3);
      assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("big")))).hasItem())
          .as("small calls are served").isFalse();
    }
  }
}
