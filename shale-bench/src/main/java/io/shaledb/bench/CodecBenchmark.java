package io.shaledb.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.server.json.AttributeValueWriter;
import io.shaledb.server.json.ItemJson;
import io.shaledb.server.json.Json;
import io.shaledb.server.json.JsonInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codecs on every request's path: the JSON request decode and response encode, and the storage key and item
 * encodings, on the load benchmark's item (a string key, a number and a 160-character payload).
 *
 * <p>Run: {@code java -jar shale-bench/target/shale-benchmarks.jar CodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
  private static final String PAYLOAD = "x".repeat(160);
  private static final byte[] PUT_REQUEST = ("{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"k4711\"},"
      + "\"c\":{\"N\":\"0\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}").getBytes(StandardCharsets.UTF_8);

  private final Map<String, AttributeValue> item = item(4711);
  private final byte[] storedItem = ItemCodec.encode(item);
  private final List<Map<String, AttributeValue>> page = page();

  private static Map<String, AttributeValue> item(int n) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", new AttributeValue.S("k" + n));
    item.put("c", new AttributeValue.N(DynamoNumber.of(n)));
    item.put("payload", new AttributeValue.S(PAYLOAD));
    return item;
  }

  private static List<Map<String, AttributeValue>> page() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(item(i));
    }
    return items;
  }

  @Benchmark
  public @Nullable PutItemInput jsonDecodePutItem() throws IOException {
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(PUT_REQUEST))) {
      return in.readRequest(ItemJson::readPutItem);
    }
  }

  /** The items of a 100-item Query page, as the response writes them. */
  @Benchmark
  public int jsonEncodeHundredItems() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartArray();
      for (Map<String, AttributeValue> i : page) {
        AttributeValueWriter.writeMap(g, i);
      }
      g.writeEndArray();
    }
    return out.size();
  }

  @Benchmark
  public byte[] itemKeyEncode() {
    return KeyCodec.itemKey(7, Objects.requireNonNull(item.get("id")), item.get("c"));
  }

  @Benchmark
  public byte[] itemEncode() {
    return ItemCodec.encode(item);
  }

  @Benchmark
  public Map<String, AttributeValue> itemDecode() {
    return ItemCodec.decode(storedItem);
  }
}
