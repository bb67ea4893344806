package io.shaledb.bench;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Principal;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.server.api.ApiHandlers;
import io.shaledb.server.api.DynamoApi;
import io.shaledb.server.auth.Authenticator;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.auth.SecretSealer;
import io.shaledb.server.auth.SigV4Signer;
import io.shaledb.server.auth.SignedRequest;
import io.shaledb.server.metrics.LogFormat;
import io.shaledb.server.metrics.RequestObservation;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.protocol.ApiRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What one part of a request costs in CPU time: two configurations of the same call side by side in one JVM, run in
 * turn on one thread, each round timed with the thread's own CPU clock (ThreadMXBean), which other processes on a
 * busy machine inflate far less than wall-clock time (JMH's measure). Prints each round's microseconds per call and
 * the medians; the difference is the cost of what B adds.
 *
 * <p>Comparisons: {@code metrics} (GetItem through the API below HTTP with metrics on, then off), {@code policy}
 * (GetItem by an unverified caller, then by a verified user whose policy allows everything), {@code conditions} (the
 * same user with bench/auth.sh's policy with conditions), {@code sigv4} (a signed GetItem's authentication with no
 * user, which reads the access key only, then with verification), {@code capacity} (PutItem of a random new item to a
 * table with a global index, both provisioned far beyond what one thread consumes, with throughput enforcement off,
 * then on: admitting and charging the table, its partition, the index and the index entry's partition),
 * {@code capacity-query} (Query of one key of that table's global index, off, then on: admitting and charging the
 * index and the index partition the page reads).
 *
 * <p>Run: {@code java -cp shale-bench/target/shale-benchmarks.jar io.shaledb.bench.CpuPerCall metrics [rounds]
 * [calls per round]}
 */
public final class CpuPerCall {
  private static final int KEYS = 10_000;
  private static final String PAYLOAD = "x".repeat(160);
  private static final String REGION = "us-east-1";
  private static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  /** bench/auth.sh's policy: allowed under three conditions, denied under a fourth. */
  private static final String CONDITIONS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"dynamodb:GetItem\",\"dynamodb:PutItem\"],\"Resource\":\"arn:aws:dynamodb:*:*:table/items\","
      + "\"Condition\":{\"ForAllValues:StringLike\":{\"dynamodb:LeadingKeys\":\"k*\"},"
      + "\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"},"
      + "\"DateLessThan\":{\"aws:CurrentTime\":\"2100-01-01T00:00:00Z\"}}},{\"Effect\":\"Deny\",\"Action\":\"*\","
      + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"dynamodb:ReturnValues\":\"ALL_OLD\"}}}]}";

  /** One call of a configuration. */
  @FunctionalInterface
  private interface Call {
    void run() throws IOException;
  }

  private record Side(String name, Call call) {}

  private CpuPerCall() {}

  public static void main(String[] args) throws Exception {
    String comparison = args.length > 0 ? args[0] : "metrics";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    List<AutoCloseable> open = new ArrayList<>();
    try {
      List<Side> sides = switch (comparison) {
        case "metrics" -> List.of(getItem("metrics on", api(true, null, open), Principal.caller("bench")),
            getItem("metrics off", api(false, null, open), Principal.caller("bench")));
        case "policy" -> List.of(getItem("unverified", api(true, null, open), Principal.caller("bench")),
            getItem("verified user, Allow *", api(true, ALLOW_ALL, open), user()));
        case "conditions" -> List.of(getItem("unverified", api(true, null, open), Principal.caller("bench")),
            getItem("verified user, conditions", api(true, CONDITIONS, open), user()));
        case "sigv4" -> signatures(open);
        case "capacity" -> List.of(indexedPut("capacity off", CapacityMode.OFF, open),
            indexedPut("capacity enforced", CapacityMode.ENFORCE, open));
        case "capacity-query" -> List.of(indexQuery("capacity off", CapacityMode.OFF, open),
            indexQuery("capacity enforced", CapacityMode.ENFORCE, open));
        default -> throw new IllegalArgumentException("no comparison named " + comparison);
      };
      measure(sides, rounds, calls);
    } finally {
      for (AutoCloseable closeable : open.reversed()) {
        closeable.close();
      }
    }
  }

  private static void measure(List<Side> sides, int rounds, int calls) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int warm = 0; warm < 3; warm++) {
      for (Side side : sides) {
        for (int i = 0; i < calls; i++) {
          side.call().run();
        }
      }
    }
    List<List<Double>> micros = new ArrayList<>();
    sides.forEach(side -> micros.add(new ArrayList<>()));
    System.out.printf("| round | %s | %s | B / A |%n|---|---|---|---|%n", sides.get(0).name(), sides.get(1).name());
    for (int round = 0; round < rounds; round++) {
      double[] perCall = new double[2];
      for (int turn = 0; turn < 2; turn++) {
        // Which goes first alternates, so that neither always runs in the other's wake (its garbage, its caches).
        int index = (round + turn) % 2;
        Call call = sides.get(index).call();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
          call.run();
        }
        perCall[index] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / calls;
        micros.get(index).add(perCall[index]);
      }
      System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f |%n", round + 1, perCall[0], perCall[1],
          perCall[1] / perCall[0]);
    }
    double a = median(micros.get(0));
    double b = median(micros.get(1));
    System.out.printf(Locale.ROOT, "| median | %.3f | %.3f | %.3f (B - A: %.3f µs) |%n", a, b, b / a, b - a);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static Principal user() {
    return Principal.user("AKIABENCHBENCHBENCH0", "bench", Database.ACCOUNT_ID);
  }

  /** The API over a fresh memory engine holding the items, with metrics or not, and a user's policy or none. */
  private static DynamoApi api(boolean metrics, @Nullable String policy, List<AutoCloseable> open)
      throws IOException {
    MemoryEngine engine = new MemoryEngine();
    open.add(engine);
    DynamoApi api;
    if (policy == null) {
      api = ApiHandlers.create(engine, REGION, Duration.ofSeconds(1), Clock.systemUTC(), CapacityMode.OFF, metrics);
    } else {
      PrincipalStore users = store(engine);
      users.createUser("bench");
      users.putUserPolicy("bench", "bench", policy);
      api = ApiHandlers.create(engine, REGION, Duration.ofSeconds(1), Clock.systemUTC(), CapacityMode.OFF, metrics,
          users, Peers.NONE, TombstoneReclamation.DEFAULTS);
    }
    open.add(api);
    RequestObserver observer = new RequestObserver(api.metrics(), null, LogFormat.LOGFMT, Clock.systemUTC());
    call(api, observer, Principal.caller("bench"), "CreateTable", "{\"TableName\":\"items\",\"BillingMode\":"
        + "\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}", new ByteArrayOutputStream());
    for (int n = 0; n < KEYS; n++) {
      call(api, observer, Principal.caller("bench"), "PutItem", "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":"
          + "\"k" + n + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}", new ByteArrayOutputStream());
    }
    return api;
  }

  /** PutItem of a random new item with an index key, to a table with a global index, under {@code capacity}. */
  private static Side indexedPut(String name, CapacityMode capacity, List<AutoCloseable> open) throws IOException {
    DynamoApi api = indexedTable(capacity, open);
    RequestObserver observer = new RequestObserver(api.metrics(), null, LogFormat.LOGFMT, Clock.systemUTC());
    ByteArrayOutputStream response = new ByteArrayOutputStream(4096);
    return new Side(name, () -> call(api, observer, Principal.caller("bench"), "PutItem", "{\"TableName\":"
        + "\"indexed\",\"Item\":{\"id\":{\"S\":\"r" + ThreadLocalRandom.current().nextInt() + "\"},\"g\":{\"S\":\"g"
        + ThreadLocalRandom.current().nextInt(KEYS) + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}", response));
  }

  /**
   * Query of the global index for a random one of {@value #KEYS} preloaded index keys (one entry each), under
   * {@code capacity}: enforced, the page is admitted by the index and the index partition it starts in, and charged
   * to both.
   */
  private static Side indexQuery(String name, CapacityMode capacity, List<AutoCloseable> open) throws IOException {
    DynamoApi api = indexedTable(capacity, open);
    RequestObserver observer = new RequestObserver(api.metrics(), null, LogFormat.LOGFMT, Clock.systemUTC());
    for (int n = 0; n < KEYS; n++) {
      call(api, observer, Principal.caller("bench"), "PutItem", "{\"TableName\":\"indexed\",\"Item\":{\"id\":"
          + "{\"S\":\"k" + n + "\"},\"g\":{\"S\":\"g" + n + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}",
          new ByteArrayOutputStream());
    }
    ByteArrayOutputStream response = new ByteArrayOutputStream(4096);
    return new Side(name, () -> call(api, observer, Principal.caller("bench"), "Query", "{\"TableName\":"
        + "\"indexed\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\",\"ExpressionAttributeValues\":"
        + "{\":g\":{\"S\":\"g" + ThreadLocalRandom.current().nextInt(KEYS) + "\"}}}", response));
  }

  /**
   * A server's API under {@code capacity} with a table {@code indexed} keyed by {@code id} and a global index
   * {@code byG} on {@code g}, both provisioned far beyond what one thread consumes, so nothing is throttled.
   */
  private static DynamoApi indexedTable(CapacityMode capacity, List<AutoCloseable> open) throws IOException {
    MemoryEngine engine = new MemoryEngine();
    open.add(engine);
    DynamoApi api = ApiHandlers.create(engine, REGION, Duration.ofSeconds(1), Clock.systemUTC(), capacity, true);
    open.add(api);
    RequestObserver observer = new RequestObserver(api.metrics(), null, LogFormat.LOGFMT, Clock.systemUTC());
    String units = "{\"ReadCapacityUnits\":1000000000000,\"WriteCapacityUnits\":1000000000000}";
    call(api, observer, Principal.caller("bench"), "CreateTable", "{\"TableName\":\"indexed\","
        + "\"ProvisionedThroughput\":" + units + ",\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
        + "\"AttributeType\":\"S\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],\"KeySchema\":"
        + "[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\","
        + "\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":"
        + "\"KEYS_ONLY\"},\"ProvisionedThroughput\":" + units + "}]}", new ByteArrayOutputStream());
    return api;
  }

  /** GetItem of a random preloaded key, observed as the HTTP layer observes it. */
  private static Side getItem(String name, DynamoApi api, Principal caller) {
    RequestObserver observer = new RequestObserver(api.metrics(), null, LogFormat.LOGFMT, Clock.systemUTC());
    ByteArrayOutputStream response = new ByteArrayOutputStream(4096);
    return new Side(name, () -> call(api, observer, caller, "GetItem", "{\"TableName\":\"items\",\"Key\":{\"id\":"
        + "{\"S\":\"k" + ThreadLocalRandom.current().nextInt(KEYS) + "\"}}}", response));
  }

  private static void call(DynamoApi api, RequestObserver observer, Principal caller, String operation, String body,
      ByteArrayOutputStream response) throws IOException {
    response.reset();
    RequestObservation observation = observer.start("bench");
    api.handle(new ApiRequest("DynamoDB_20120810." + operation, "bench", caller, "localhost", "127.0.0.1",
        observation), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), response);
    observation.succeeded();
  }

  /** A principal store in {@code engine}, its secrets sealed under a fresh key file. */
  private static PrincipalStore store(MemoryEngine engine) throws IOException {
    SecretSealer sealer = SecretSealer.openOrCreate(Files.createTempDirectory("shale-bench").resolve("auth.key"));
    return new PrincipalStore(engine, () -> sealer, Clock.systemUTC(), Database.ACCOUNT_ID);
  }

  /** Authentication of signed GetItems: without users (the key is read, nothing verified), then verified. */
  private static List<Side> signatures(List<AutoCloseable> open) throws IOException {
    MemoryEngine engine = new MemoryEngine();
    open.add(engine);
    PrincipalStore store = store(engine);
    store.createUser("bench");
    NewAccessKey key = store.createAccessKey("bench");
    Authenticator verifying = Authenticator.over(store, REGION, Clock.systemUTC());
    Authenticator off = Authenticator.off();
    List<SignedRequest> requests = new ArrayList<>();
    for (int n = 0; n < 1_000; n++) {
      requests.add(signedGetItem("k" + n, key.key().id(), key.secret(), Instant.now()));
    }
    return List.of(new Side("authentication off", () -> off.authenticate(random(requests))),
        new Side("SigV4 verified", () -> verifying.authenticate(random(requests))));
  }

  private static SignedRequest random(List<SignedRequest> requests) {
    return requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
  }

  /** A GetItem signed as the SDKs sign it (header form; bench/sigv4_requests.py's request). */
  private static SignedRequest signedGetItem(String key, String accessKeyId, String secret, Instant at) {
    byte[] body = ("{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"" + key + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    return SigV4Signer.signedRequest("POST", URI.create("http://127.0.0.1:8000/"),
        Map.of("content-type", "application/x-amz-json-1.0", "x-amz-target", "DynamoDB_20120810.GetItem"), body,
        new SigV4Signer.Credentials(accessKeyId, secret, null), REGION, "dynamodb", at);
  }

}
