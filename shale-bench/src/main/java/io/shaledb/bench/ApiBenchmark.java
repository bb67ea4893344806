package io.shaledb.bench;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.op.Principal;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.server.api.ApiHandlers;
import io.shaledb.server.api.DynamoApi;
import io.shaledb.server.metrics.LogFormat;
import io.shaledb.server.metrics.RequestObservation;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.protocol.ApiRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The load benchmark's requests through the whole API below HTTP: JSON decode, validation, the operation, storage and
 * JSON encode, on either engine. What a request costs the server apart from the network and HTTP.
 *
 * <p>Run: {@code java -jar shale-bench/target/shale-benchmarks.jar ApiBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApiBenchmark {
  private static final int KEYS = 10_000;
  private static final String PAYLOAD = "x".repeat(160);
  /** More capacity than the benchmark can use: enforced, it admits every request and throttles none. */
  private static final String PROVISIONED = "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1000000000000,"
      + "\"WriteCapacityUnits\":1000000000000}";

  @Param({"memory", "rocksdb"})
  public String engineName;

  /**
   * Throughput enforcement: off, or enforce on tables provisioned far beyond what one thread can consume, so that
   * the difference is the cost of admitting and charging requests that are never throttled.
   */
  @Param({"OFF", "ENFORCE"})
  public CapacityMode capacity;

  /**
   * Whether the server keeps metrics (each request observed as the HTTP layer observes it); on by default in a
   * server, so on here, and {@code -p metrics=false,true} measures their cost.
   */
  @Param({"true"})
  public boolean metrics;

  private RequestObserver observer;

  private BenchmarkEngine storage;
  private StorageEngine engine;
  private DynamoApi api;
  /** Reused: the benchmark runs on one thread, and the response buffer is not what is measured. */
  private final ByteArrayOutputStream response = new ByteArrayOutputStream(64 * 1024);

  @Setup(Level.Trial)
  public void open() throws IOException {
    storage = BenchmarkEngine.open(engineName);
    engine = storage.engine();
    api = ApiHandlers.create(engine, "us-east-1", Duration.ofSeconds(1), Clock.systemUTC(), capacity, metrics);
    observer = new RequestObserver(api.metrics(), null, LogFormat.LOGFMT, Clock.systemUTC());
    call("CreateTable", "{\"TableName\":\"items\"," + PROVISIONED + ",\"AttributeDefinitions\":"
        + "[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"id\","
        + "\"KeyType\":\"HASH\"}]}");
    call("CreateTable", "{\"TableName\":\"sorted\"," + PROVISIONED + ",\"AttributeDefinitions\":"
        + "[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\","
        + "\"KeyType\":\"RANGE\"}]}");
    for (int n = 0; n < KEYS; n++) {
      call("PutItem", "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"k" + n + "\"},\"c\":{\"N\":\"0\"},"
          + "\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}");
    }
    for (int n = 0; n < 100; n++) {
      call("PutItem", "{\"TableName\":\"sorted\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"" + n + "\"},"
          + "\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    api.close();
    storage.close();
  }

  private int call(String operation, String body) throws IOException {
    response.reset();
    RequestObservation observation = observer.start("bench");
    api.handle(new ApiRequest("DynamoDB_20120810." + operation, "bench", Principal.caller("bench"), "localhost", null,
        observation), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), response);
    observation.succeeded();
    return response.size();
  }

  private static int key() {
    return ThreadLocalRandom.current().nextInt(KEYS);
  }

  @Benchmark
  public int getItem() throws IOException {
    return call("GetItem", "{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"k" + key() + "\"}}}");
  }

  @Benchmark
  public int putItem() throws IOException {
    return call("PutItem", "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"r"
        + ThreadLocalRandom.current().nextInt() + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}");
  }

  @Benchmark
  public int updateItem() throws IOException {
    return call("UpdateItem", "{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"k" + key() + "\"}},"
        + "\"UpdateExpression\":\"SET #c = #c + :one\",\"ConditionExpression\":\"attribute_exists(#c)\","
        + "\"ExpressionAttributeNames\":{\"#c\":\"c\"},\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}");
  }

  @Benchmark
  public int queryHundred() throws IOException {
    return call("Query", "{\"TableName\":\"sorted\",\"KeyConditionExpression\":\"pk = :p\","
        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"}},\"Limit\":100}");
  }

  /** BatchWriteItem of 25 new items. */
  @Benchmark
  public int batchWriteTwentyFive() throws IOException {
    StringBuilder body = new StringBuilder("{\"RequestItems\":{\"items\":[");
    int base = ThreadLocalRandom.current().nextInt();
    for (int i = 0; i < 25; i++) {
      body.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"b").append(base)
          .append('-').append(i).append("\"},\"payload\":{\"S\":\"").append(PAYLOAD).append("\"}}}}");
    }
    return call("BatchWriteItem", body.append("]}}").toString());
  }

  /** The read {@link #getItem} makes, as PartiQL: a SELECT whose WHERE pins the whole key is a point read. */
  @Benchmark
  public int selectByKey() throws IOException {
    return call("ExecuteStatement", "{\"Statement\":\"SELECT * FROM \\\"items\\\" WHERE id = ?\","
        + "\"Parameters\":[{\"S\":\"k" + key() + "\"}]}");
  }
}
