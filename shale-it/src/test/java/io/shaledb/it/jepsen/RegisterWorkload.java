package io.shaledb.it.jepsen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Registers: items {@code r0..r(n-1)} of a table keyed by {@code id} (S), each holding a number {@code v}, read with
 * strongly consistent GetItem and written with unconditional PutItem, PutItem conditioned on the value (a version
 * check) and UpdateItem compare-and-set. Every written value is unique, so a read names the write it saw. A client
 * expects the value it last saw of the key, so its conditional writes succeed often enough to matter.
 */
public final class RegisterWorkload implements Workload {
  /** Configurations the search may explore per key before it gives up. */
  private static final int SEARCH_BUDGET = 1_000_000;

  private final String table;
  private final List<String> keys;
  private final History<RegisterOp> history = new History<>();
  private final AtomicInteger nextValue = new AtomicInteger();
  /** What each process last saw of each key: what its next conditional write expects. */
  private final Map<String, Integer> lastSeen = new ConcurrentHashMap<>();

  public RegisterWorkload(String table, int keys) {
    this.table = table;
    this.keys = IntStream.range(0, keys).mapToObj(i -> "r" + i).toList();
  }

  @Override
  public String name() {
    return "registers";
  }

  @Override
  public void setUp(DynamoDbClient client) {
    // Registers start absent.
  }

  @Override
  public Outcome step(DynamoDbClient client, int process, SplittableRandom random) {
    String key = keys.get(random.nextInt(keys.size()));
    int choice = random.nextInt(20);
    if (choice < 8) {
      return read(client, process, key);
    }
    int value = nextValue.incrementAndGet();
    if (choice < 10) {
      return write(process, key, new RegisterOp.Write(value), () -> client.putItem(r -> r.tableName(table)
          .item(Map.of("id", AttributeValue.fromS(key), "v", number(value)))));
    }
    @Nullable Integer expected = lastSeen.get(process + "/" + key);
    RegisterOp.Cas cas = new RegisterOp.Cas(expected, value);
    String condition = expected == null ? "attribute_not_exists(v)" : "v = :expected";
    Map<String, AttributeValue> values = expected == null ? Map.of() : Map.of(":expected", number(expected));
    if (choice < 15) {
      return write(process, key, cas, () -> client.putItem(r -> r.tableName(table)
          .item(Map.of("id", AttributeValue.fromS(key), "v", number(value))).conditionExpression(condition)
          .expressionAttributeValues(values.isEmpty() ? null : values)));
    }
    Map<String, AttributeValue> updateValues = new HashMap<>(values);
    updateValues.put(":value", number(value));
    return write(process, key, cas, () -> client.updateItem(r -> r.tableName(table)
        .key(Map.of("id", AttributeValue.fromS(key))).updateExpression("SET v = :value")
        .conditionExpression(condition).expressionAttributeValues(updateValues)));
  }

  private Outcome read(DynamoDbClient client, int process, String key) {
    long invoked = System.nanoTime();
    try {
      @Nullable Integer observed = value(client.getItem(r -> r.tableName(table)
          .key(Map.of("id", AttributeValue.fromS(key))).consistentRead(true)));
      history.record(key, new Timed<>(process, new RegisterOp.Read(observed), Outcome.OK, invoked,
          System.nanoTime()));
      remember(process, key, observed);
      return Outcome.OK;
    } catch (SdkException e) {
      Outcome outcome = Requests.outcomeOf(e);
      history.record(key, new Timed<>(process, new RegisterOp.Read(null), outcome, invoked, System.nanoTime()));
      return outcome;
    }
  }

  private Outcome write(int process, String key, RegisterOp operation, Runnable request) {
    long invoked = System.nanoTime();
    Outcome outcome;
    try {
      request.run();
      outcome = Outcome.OK;
    } catch (SdkException e) {
      outcome = Requests.outcomeOf(e);
    }
    history.record(key, new Timed<>(process, operation, outcome, invoked, System.nanoTime()));
    if (outcome == Outcome.OK) {
      remember(process, key, switch (operation) {
        case RegisterOp.Write write -> write.value();
        case RegisterOp.Cas cas -> cas.value();
        case RegisterOp.Read read -> read.observed();
      });
    }
    return outcome;
  }

  private void remember(int process, String key, @Nullable Integer value) {
    if (value == null) {
      lastSeen.remove(process + "/" + key);
    } else {
      lastSeen.put(process + "/" + key, value);
    }
  }

  @Override
  public List<String> check(FinalReads reads, long origin) {
    List<String> anomalies = new ArrayList<>();
    Map<String, List<Timed<RegisterOp>>> byKey = history.byKey();
    for (String key : keys) {
      long invoked = System.nanoTime();
      Optional<GetItemResponse> finalRead = reads.read(key, client -> client.getItem(r -> r.tableName(table)
          .key(Map.of("id", AttributeValue.fromS(key))).consistentRead(true)));
      List<Timed<RegisterOp>> operations = new ArrayList<>(byKey.getOrDefault(key, List.of()));
      if (finalRead.isPresent()) {
        @Nullable Integer last = value(finalRead.get());
        operations.add(new Timed<>(-1, new RegisterOp.Read(last), Outcome.OK, invoked, System.nanoTime()));
        for (Timed<RegisterOp> lost : LostWrites.find(operations, last)) {
          anomalies.add(key + ": acknowledged write lost (final value " + last + "): " + lost.describe(origin));
        }
      }
      switch (LinearizableRegister.check(operations, SEARCH_BUDGET)) {
        case LinearizableRegister.Linearizable linearizable -> { }
        case LinearizableRegister.NotLinearizable found ->
            anomalies.add(key + ": not linearizable: " + found.describe(origin));
        case LinearizableRegister.Inconclusive gaveUp -> anomalies.add(key + ": linearizability undecided after "
            + gaveUp.configurations() + " configurations of " + gaveUp.operations() + " operations");
      }
    }
    return anomalies;
  }

  @Override
  public History<RegisterOp> history() {
    return history;
  }

  private static @Nullable Integer value(GetItemResponse response) {
    AttributeValue v = response.hasItem() ? response.item().get("v") : null;
    return v == null ? null : Integer.valueOf(Objects.requireNonNull(v.n()));
  }

  private static AttributeValue number(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
