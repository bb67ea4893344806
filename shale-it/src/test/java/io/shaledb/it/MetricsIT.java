package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.op.MutableClock;
import io.shaledb.server.Observability;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.metrics.LogFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code GET /metrics} after a known workload through the SDK: every counter has the value the workload implies, by
 * DynamoDB's rules for its CloudWatch metric (developer guide, "DynamoDB Metrics and dimensions"). The server runs in
 * memory with {@code --capacity enforce} and a clock the test moves, so throttles and expiries come without waiting.
 */
class MetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
  }

  private ShaleDbServer start(Observability observability) throws InterruptedException {
    ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withClock(clock)
        .withCapacity(CapacityMode.ENFORCE).withObservability(observability));
    opened.add(server);
    return server;
  }

  /** A client that never retries, so that each throttled call is counted once. */
  private DynamoDbClient client(ShaleDbServer server) {
    DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    opened.add(client);
    return client;
  }

  private static String onDemand(DynamoDbClient client, String base) {
    String name = Tables.unique(base);
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE)));
    return name;
  }

  private static Map<String, AttributeValue> item(String pk, int sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
  }

  @Test
  void scrape_afterKnownWorkload_countsExactly() throws Exception {
    ShaleDbServer server = start(Observability.defaults());
    DynamoDbClient client = client(server);
    String items = onDemand(client, "metrics");
    // Five puts of small items: one write unit each.
    for (int sk = 1; sk <= 5; sk++) {
      Map<String, AttributeValue> item = item("p", sk);
      client.putItem(r -> r.tableName(items).item(item));
    }
    // Three strongly consistent gets: one read unit each.
    for (int sk = 1; sk <= 3; sk++) {
      Map<String, AttributeValue> key = item("p", sk);
      client.getItem(r -> r.tableName(items).key(key).consistentRead(true));
    }
    // A query returning the five items (under 4 KB: one read unit).
    assertThat(client.query(r -> r.tableName(items).keyConditionExpression("pk = :p").consistentRead(true)
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))).count()).isEqualTo(5);
    // Two conditional writes refused: each consumes one write unit, as DynamoDB charges them.
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.putItem(r -> r.tableName(items).item(item("p", 1))
          .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
    }
    // Two user errors: a validation error and a table that does not exist.
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(items).item(Map.of("pk", AttributeValue.fromS("p")))))
        .isInstanceOf(DynamoDbException.class).hasMessageContaining("Missing the key sk in the item");
    assertThatThrownBy(() -> client.getItem(r -> r.tableName("missing-" + items).key(item("p", 1))))
        .isInstanceOf(ResourceNotFoundException.class);
    // A table of one read unit a second, read until it throttles twice.
    String throttled = Tables.unique("metrics-throttled");
    client.createTable(r -> r.tableName(throttled).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE)));
    int served = 0;
    int refused = 0;
    for (int i = 0; i < 1_000 && refused < 2; i++) {
      try {
        client.getItem(r -> r.tableName(throttled).key(item("p", 1)).consistentRead(true));
        served++;
      } catch (ProvisionedThroughputExceededException e) {
        refused++;
      }
    }
    assertThat(refused).isEqualTo(2);
    // A batch of three puts on that table, of one write unit a second: one is written, two are left unprocessed,
    // each a write throttle event, and the request is not a throttled one (CloudWatch counts a batch in
    // ThrottledRequests only when every item in it was throttled).
    List<WriteRequest> puts = new ArrayList<>();
    for (int sk = 1; sk <= 3; sk++) {
      Map<String, AttributeValue> item = item("b", sk);
      puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    assertThat(client.batchWriteItem(r -> r.requestItems(Map.of(throttled, puts))).unprocessedItems()
        .get(throttled)).hasSize(2);
    // A transaction cancelled by a false condition: a TransactionCanceledException, which CloudWatch counts in
    // UserErrors; ConditionalCheckFailedRequests counts PutItem, UpdateItem and DeleteItem conditions only.
    String transacted = onDemand(client, "metrics-tx");
    client.putItem(r -> r.tableName(transacted).item(item("p", 1)));
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(c -> c.tableName(transacted)
        .key(item("p", 1)).conditionExpression("attribute_not_exists(pk)")).build();
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(check)))
        .isInstanceOf(TransactionCanceledException.class);
    // A table with a stream and time to live: three items that expire, read from the stream, then deleted.
    String expiring = Tables.unique("metrics-ttl");
    client.createTable(r -> r.tableName(expiring).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    client.updateTimeToLive(r -> r.tableName(expiring)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
    String expires = Long.toString(clock.instant().getEpochSecond() + 60);
    for (int sk = 1; sk <= 3; sk++) {
      Map<String, AttributeValue> item = new LinkedHashMap<>(item("p", sk));
      item.put("expires", AttributeValue.fromN(expires));
      client.putItem(r -> r.tableName(expiring).item(item));
    }
    String streamArn = client.describeTable(r -> r.tableName(expiring)).table().latestStreamArn();
    String streamLabel = streamArn.substring(streamArn.lastIndexOf('/') + 1);
    DynamoDbStreamsClient streams = StreamsClients.forEndpoint(server.endpoint());
    opened.add(streams);
    String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(3);
    clock.advance(Duration.ofMinutes(2));

    Scrape scrape = awaitScrape(server, s -> s.value("TimeToLiveDeletedItemCount_total", Map.of("TableName",
        expiring)) >= 3);

    assertThat(scrape.value("TimeToLiveDeletedItemCount_total", Map.of("TableName", expiring))).isEqualTo(3);
    assertThat(scrape.value("ConsumedWriteCapacityUnits_total",
        Map.of("TableName", items, "GlobalSecondaryIndexName", ""))).isEqualTo(7);
    assertThat(scrape.value("ConsumedReadCapacityUnits_total",
        Map.of("TableName", items, "GlobalSecondaryIndexName", ""))).isEqualTo(4);
    assertThat(scrape.value("ReturnedItemCount_total", Map.of("TableName", items, "Operation", "Query")))
        .isEqualTo(5);
    assertThat(scrape.value("SuccessfulRequestLatency_count", Map.of("TableName", items, "Operation", "PutItem")))
        .isEqualTo(5);
    assertThat(scrape.value("SuccessfulRequestLatency_count", Map.of("TableName", items, "Operation", "GetItem")))
        .isEqualTo(3);
    assertThat(scrape.value("ConditionalCheckFailedRequests_total", Map.of("TableName", items))).isEqualTo(2);
    assertThat(scrape.value("UserErrors_total", Map.of())).isEqualTo(3);
    assertThat(scrape.has("ConditionalCheckFailedRequests_total", Map.of("TableName", transacted))).isFalse();
    assertThat(scrape.value("WriteThrottleEvents_total",
        Map.of("TableName", throttled, "GlobalSecondaryIndexName", ""))).isEqualTo(2);
    assertThat(scrape.has("ThrottledRequests_total", Map.of("TableName", throttled, "Operation", "BatchWriteItem")))
        .isFalse();
    assertThat(scrape.value("ConsumedWriteCapacityUnits_total",
        Map.of("TableName", throttled, "GlobalSecondaryIndexName", ""))).isEqualTo(1);
    assertThat(scrape.value("ThrottledRequests_total", Map.of("TableName", throttled, "Operation", "GetItem")))
        .isEqualTo(2);
    assertThat(scrape.value("ReadThrottleEvents_total",
        Map.of("TableName", throttled, "GlobalSecondaryIndexName", ""))).isEqualTo(2);
    assertThat(scrape.value("ConsumedReadCapacityUnits_total",
        Map.of("TableName", throttled, "GlobalSecondaryIndexName", ""))).isEqualTo(served);
    assertThat(scrape.value("ReturnedRecordsCount_total",
        Map.of("TableName", expiring, "StreamLabel", streamLabel, "Operation", "GetRecords"))).isEqualTo(3);
    assertThat(scrape.value("ItemCount", Map.of("TableName", items))).isEqualTo(5);
    assertThat(scrape.has("SystemErrors_total")).isFalse();
    assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
    assertThat(scrape.has("shaledb_engine_keys")).isTrue();
  }

  @Test
  void scrape_deletedTable_dropsItsSeries() throws Exception {
    ShaleDbServer server = start(Observability.defaults());
    DynamoDbClient client = client(server);
    String table = onDemand(client, "metrics-dropped");
    client.putItem(r -> r.tableName(table).item(item("p", 1)));
    assertThat(scrape(server, null).has("ConsumedWriteCapacityUnits_total", Map.of("TableName", table))).isTrue();

    client.deleteTable(r -> r.tableName(table));

    assertThat(scrape(server, null).has("ConsumedWriteCapacityUnits_total", Map.of("TableName", table))).isFalse();
  }

  @Test
  void scrape_openMetricsAccepted_answersOpenMetrics() throws Exception {
    ShaleDbServer server = start(Observability.defaults());

    HttpResponse<String> response = get(server, "application/openmetrics-text; version=1.0.0");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text; version=1.0.0");
    assertThat(response.body()).endsWith("# EOF\n");
  }

  @Test
  void scrape_plainRequest_answersPrometheusText() throws Exception {
    ShaleDbServer server = start(Observability.defaults());

    HttpResponse<String> response = get(server, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("# TYPE UserErrors_total counter");
  }

  @Test
  void scrape_hostNotAllowed_isForbidden() throws Exception {
    ShaleDbServer server = start(Observability.defaults());

    assertThat(statusNaming(server, "rebound.example.com")).isEqualTo("HTTP/1.1 403 Forbidden");
  }

  @Test
  void scrape_metricsOff_isNotFound() throws Exception {
    ShaleDbServer server = start(new Observability(false, null, LogFormat.LOGFMT));

    assertThat(get(server, null).statusCode()).isEqualTo(404);
  }

  @Test
  void accessLog_requests_writesOneJsonLineEach(@TempDir Path directory) throws Exception {
    Path log = directory.resolve("access.log");
    ShaleDbServer server = start(new Observability(true, log.toString(), LogFormat.JSON));
    DynamoDbClient client = client(server);
    String table = onDemand(client, "metrics-access");
    client.putItem(r -> r.tableName(table).item(item("p", 1)));
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("p", 1))
        .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);

    List<String> lines = Files.readAllLines(log);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("\\{\"time\":\"2026-06-01T00:00:00Z\",\"request_id\":\"[^\"]+\","
        + "\"operation\":\"CreateTable\",\"table\":\"\",\"status\":200,\"error\":\"\",\"latency_ms\":[0-9.]+}");
    assertThat(lines.get(1)).contains("\"operation\":\"PutItem\",\"table\":\"" + table + "\",\"status\":200,");
    assertThat(lines.get(2)).contains("\"operation\":\"PutItem\",\"table\":\"" + table + "\",\"status\":400,"
        + "\"error\":\"ConditionalCheckFailedException\",");
  }

  private HttpResponse<String> get(ShaleDbServer server, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/metrics"));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status line of a scrape whose Host header names {@code host}, which the JDK's client would not send. */
  private static String statusNaming(ShaleDbServer server, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      socket.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  private Scrape scrape(ShaleDbServer server, String accept) throws IOException, InterruptedException {
    HttpResponse<String> response = get(server, accept);
    assertThat(response.statusCode()).isEqualTo(200);
    return Scrape.parse(response.body());
  }

  /** Scrapes until {@code done} holds (background work such as the time-to-live sweep has happened), or 30 s. */
  private Scrape awaitScrape(ShaleDbServer server, Predicate<Scrape> done) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    Scrape scrape = scrape(server, null);
    while (!done.test(scrape) && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      scrape = scrape(server, null);
    }
    return scrape;
  }

  /** The samples of a scrape in the Prometheus text format. */
  private record Scrape(List<Sample> samples) {
    record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape parse(String text) {
      List<Sample> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        if (brace < 0) {
          name = line.substring(0, space);
        } else {
          name = line.substring(0, brace);
          String body = line.substring(brace + 1, line.lastIndexOf('}'));
          for (String pair : body.split("\",")) {
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 2);
            labels.put(pair.substring(0, equals), value.endsWith("\"") ? value.substring(0, value.length() - 1)
                : value);
          }
        }
        samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
      }
      return new Scrape(samples);
    }

    boolean has(String name) {
      return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    boolean has(String name, Map<String, String> labels) {
      return samples.stream().anyMatch(sample -> matches(sample, name, labels));
    }

    /** The value of the sample of that name whose labels include {@code labels}; 0 when there is none. */
    double value(String name, Map<String, String> labels) {
      List<Sample> found = samples.stream().filter(sample -> matches(sample, name, labels)).toList();
      assertThat(found).as("samples of %s with %s", name, labels).hasSizeLessThanOrEqualTo(1);
      return found.isEmpty() ? 0 : found.get(0).value();
    }

    private static boolean matches(Sample sample, String name, Map<String, String> labels) {
      return sample.name().equals(name) && labels.entrySet().stream()
          .allMatch(label -> label.getValue().equals(sample.labels().getOrDefault(label.getKey(), "")));
    }
  }
}
