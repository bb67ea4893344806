package io.shaledb.it.jepsen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Counters: items {@code c0..c(n-1)} of a table keyed by {@code id} (S), incremented with UpdateItem {@code ADD} and
 * read with strongly consistent GetItem; an absent counter reads zero.
 */
public final class CounterWorkload implements Workload {
  private final String table;
  private final List<String> keys;
  private final History<CounterOp> history = new History<>();

  public CounterWorkload(String table, int keys) {
    this.table = table;
    this.keys = IntStream.range(0, keys).mapToObj(i -> "c" + i).toList();
  }

  @Override
  public String name() {
    return "counters";
  }

  @Override
  public void setUp(DynamoDbClient client) {
    // Counters start absent, which reads as zero.
  }

  @Override
  public Outcome step(DynamoDbClient client, int process, SplittableRandom random) {
    String key = keys.get(random.nextInt(keys.size()));
    long invoked = System.nanoTime();
    if (random.nextInt(4) == 0) {
      try {
        long observed = value(read(client, key));
        history.record(key, new Timed<>(process, new CounterOp.Read(observed), Outcome.OK, invoked,
            System.nanoTime()));
        return Outcome.OK;
      } catch (SdkException e) {
        Outcome outcome = Requests.outcomeOf(e);
        history.record(key, new Timed<>(process, new CounterOp.Read(-1), outcome, invoked, System.nanoTime()));
        return outcome;
      }
    }
    long delta = 1L + random.nextInt(5);
    Outcome outcome;
    try {
      client.updateItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(key)))
          .updateExpression("ADD n :delta")
          .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Long.toString(delta)))));
      outcome = Outcome.OK;
    } catch (SdkException e) {
      outcome = Requests.outcomeOf(e);
    }
    history.record(key, new Timed<>(process, new CounterOp.Add(delta), outcome, invoked, System.nanoTime()));
    return outcome;
  }

  @Override
  public List<String> check(FinalReads reads, long origin) {
    List<String> anomalies = new ArrayList<>();
    Map<String, List<Timed<CounterOp>>> byKey = history.byKey();
    for (String key : keys) {
      OptionalLong last = reads.read(key, client -> value(read(client, key))).map(OptionalLong::of)
          .orElse(OptionalLong.empty());
      CounterChecker.check(byKey.getOrDefault(key, List.of()), last, origin)
          .forEach(anomaly -> anomalies.add(key + ": " + anomaly));
    }
    return anomalies;
  }

  @Override
  public History<CounterOp> history() {
    return history;
  }

  private GetItemResponse read(DynamoDbClient client, String key) {
    return client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(key))).consistentRead(true));
  }

  private static long value(GetItemResponse response) {
    AttributeValue n = response.hasItem() ? response.item().get("n") : null;
    return n == null ? 0 : Long.parseLong(n.n());
  }
}
