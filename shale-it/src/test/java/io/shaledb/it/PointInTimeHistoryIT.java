package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A random workload of puts, updates, deletes, batches, transactions and time-to-live expiries on a table with
 * point-in-time recovery, on a server whose clock the test moves, then restores to 20 random instants, each restored
 * table compared item by item with the state the recorded history gives for that instant.
 *
 * <p>Each step first moves the clock forward by {@link Workload#GAP}, then makes its change: a change is acknowledged
 * before the next step's move, so every change of step i lies between step i's move and step i+1's move minus the gap,
 * and any instant in the last gap before a move sees exactly the steps before it. Expiries are waited for within
 * their step (the sweeper runs every second), so they fall in the same bounds. The seed is printed and in every
 * failure message; {@code -Dpitr.seed=N} replays one.
 */
@Tag("slow")
class PointInTimeHistoryIT {
  private static final int RESTORES = 20;
  private static final Duration EXPIRY_WAIT = Duration.ofSeconds(60);

  @TempDir
  Path data;

  private static long seed() {
    long seed = Long.getLong("pitr.seed", System.nanoTime());
    System.out.println("PointInTimeHistoryIT seed " + seed);
    return seed;
  }

  @Test
  void restores_memoryEngine_matchTheRecordedHistory() throws IOException {
    long seed = seed();
    try (ServerProcess server = ServerProcess.start(data, "--in-memory", "--settable-clock");
        DynamoDbClient client = server.client()) {
      Workload workload = new Workload(client, server.clock(), new Random(seed), seed);
      workload.run(120);
      workload.restoreAndCompare(workload.windows(0, workload.windowCount()), RESTORES);
    }
  }

  @Test
  void restores_rocksDbAcrossARestart_matchTheRecordedHistory() throws IOException {
    long seed = seed();
    Workload workload;
    int beforeRestart;
    try (ServerProcess server = ServerProcess.start(data, "--settable-clock");
        DynamoDbClient client = server.client()) {
      workload = new Workload(client, server.clock(), new Random(seed), seed);
      workload.run(60);
      beforeRestart = workload.windowCount();
      server.stop();
    }
    try (ServerProcess server = ServerProcess.start(data, "--settable-clock");
        DynamoDbClient client = server.client()) {
      ShaleDbClock clock = server.clock();
      // The new server's clock starts from real time, behind where the test moved the old one.
      clock.set(workload.lastMove().plus(Duration.ofHours(1)));
      workload.reconnect(client, clock);
      workload.run(60);
      workload.restoreAndCompare(workload.windows(0, beforeRestart), RESTORES / 2);
      workload.restoreAndCompare(workload.windows(beforeRestart, workload.windowCount()), RESTORES / 2);
    }
  }

  /**
   * The table as it was throughout {@code [from, to)}: after every change made before {@code from}, before every
   * change made from {@code to} on.
   */
  private record Window(Instant from, Instant to, Map<String, Map<String, AttributeValue>> items) {}

  /** The workload on one table, with the model of its items and the windows it recorded. */
  private static final class Workload {
    static final Duration GAP = Duration.ofSeconds(10);
    private static final int IDS = 25;
    private final Random random;
    private final long seed;
    private final String table;
    private final Map<String, Map<String, AttributeValue>> model = new TreeMap<>();
    private final List<Window> windows = new ArrayList<>();
    private DynamoDbClient client;
    private ShaleDbClock clock;
    private Instant lastMove = Instant.EPOCH;
    private int restoredTables;

    Workload(DynamoDbClient client, ShaleDbClock clock, Random random, long seed) {
      this.client = client;
      this.clock = clock;
      this.random = random;
      this.seed = seed;
      this.table = Tables.createSimple(client, "pitr-history");
      client.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true)
          .attributeName("ttl")));
      for (int i = 0; i < 5; i++) {
        put(id(i), Map.of());
      }
      client.updateContinuousBackups(r -> r.tableName(table)
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }

    void reconnect(DynamoDbClient newClient, ShaleDbClock newClock) {
      this.client = newClient;
      this.clock = newClock;
    }

    Instant lastMove() {
      return lastMove;
    }

    int windowCount() {
      return windows.size();
    }

    List<Window> windows(int from, int to) {
      return windows.subList(from, to);
    }

    /** {@code steps} random changes, each after a move of the clock, and a last move that closes the last window. */
    void run(int steps) {
      for (int step = 0; step < steps; step++) {
        move();
        int kind = random.nextInt(100);
        if (kind < 30) {
          put(id(random.nextInt(IDS)), Map.of());
        } else if (kind < 55) {
          update(id(random.nextInt(IDS)));
        } else if (kind < 70) {
          delete(id(random.nextInt(IDS)));
        } else if (kind < 82) {
          batch();
        } else if (kind < 92) {
          transaction();
        } else {
          expire(id(random.nextInt(IDS)));
        }
      }
      move();
    }

    /** Moves the clock on by the gap; the last gap before the move saw the model as it is now. */
    private void move() {
      lastMove = clock.advance(GAP);
      windows.add(new Window(lastMove.minus(GAP), lastMove, copy(model)));
    }

    private static Map<String, Map<String, AttributeValue>> copy(Map<String, Map<String, AttributeValue>> items) {
      Map<String, Map<String, AttributeValue>> copy = new TreeMap<>();
      items.forEach((id, item) -> copy.put(id, Map.copyOf(item)));
      return copy;
    }

    private static String id(int i) {
      return "item-" + i;
    }

    private Map<String, AttributeValue> newItem(String id, Map<String, AttributeValue> extra) {
      Map<String, AttributeValue> item = new HashMap<>(extra);
      item.put("id", AttributeValue.fromS(id));
      item.put("v", AttributeValue.fromS("v" + random.nextInt(1_000_000)));
      item.put("n", AttributeValue.fromN(Integer.toString(random.nextInt(100))));
      return item;
    }

    private void put(String id, Map<String, AttributeValue> extra) {
      Map<String, AttributeValue> item = newItem(id, extra);
      client.putItem(r -> r.tableName(table).item(item));
      model.put(id, item);
    }

    private void update(String id) {
      String value = "u" + random.nextInt(1_000_000);
      client.updateItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))
          .updateExpression("SET v = :v ADD n :one")
          .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value), ":one", AttributeValue.fromN("1"))));
      model.put(id, updated(id, value));
    }

    private Map<String, AttributeValue> updated(String id, String value) {
      Map<String, AttributeValue> item = new HashMap<>(model.getOrDefault(id, Map.of("id", AttributeValue.fromS(id))));
      item.put("v", AttributeValue.fromS(value));
      long n = item.containsKey("n") ? Long.parseLong(item.get("n").n()) : 0;
      item.put("n", AttributeValue.fromN(Long.toString(n + 1)));
      return item;
    }

    private void delete(String id) {
      client.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
      model.remove(id);
    }

    /** Three distinct items, each put or deleted, in one BatchWriteItem. */
    private void batch() {
      List<WriteRequest> requests = new ArrayList<>();
      for (String id : distinctIds(3)) {
        if (random.nextBoolean()) {
          Map<String, AttributeValue> item = newItem(id, Map.of());
          requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
          model.put(id, item);
        } else {
          requests.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
              .key(Map.of("id", AttributeValue.fromS(id))).build()).build());
          model.remove(id);
        }
      }
      assertThat(client.batchWriteItem(r -> r.requestItems(Map.of(table, requests))).unprocessedItems())
          .as("seed %d", seed).isEmpty();
    }

    /** A put of one item and an update of another in one TransactWriteItems. */
    private void transaction() {
      List<String> ids = distinctIds(2);
      Map<String, AttributeValue> item = newItem(ids.get(0), Map.of());
      String value = "t" + random.nextInt(1_000_000);
      client.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build(),
          TransactWriteItem.builder().update(u -> u.tableName(table)
              .key(Map.of("id", AttributeValue.fromS(ids.get(1))))
              .updateExpression("SET v = :v ADD n :one")
              .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value),
                  ":one", AttributeValue.fromN("1")))).build()));
      model.put(ids.get(0), item);
      model.put(ids.get(1), updated(ids.get(1), value));
    }

    /**
     * Puts an item that expires within the gap, then, after the next move, waits for the sweeper to delete it:
     * the put is one step and the deletion the next.
     */
    private void expire(String id) {
      long expiry = lastMove.getEpochSecond() + GAP.toSeconds();
      put(id, Map.of("ttl", AttributeValue.fromN(Long.toString(expiry))));
      move();
      Instant deadline = Instant.now().plus(EXPIRY_WAIT);
      while (client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))
          .consistentRead(true)).hasItem()) {
        assertThat(Instant.now()).as("seed %d: %s expired and deleted within %s", seed, id, EXPIRY_WAIT)
            .isBefore(deadline);
        sleepBriefly();
      }
      model.remove(id);
    }

    /** Between reads while the sweeper, which runs every second of real time, has yet to delete an item. */
    private static void sleepBriefly() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private List<String> distinctIds(int count) {
      List<String> ids = new ArrayList<>();
      while (ids.size() < count) {
        String id = id(random.nextInt(IDS));
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
      return ids;
    }

    /** Restores to a random instant of each of {@code count} random windows and compares the restored items. */
    void restoreAndCompare(List<Window> candidates, int count) {
      for (int i = 0; i < count; i++) {
        Window window = candidates.get(random.nextInt(candidates.size()));
        Instant at = window.from().plusMillis(random.nextLong(Duration.between(window.from(), window.to())
            .toMillis()));
        String target = table + "-at-" + restoredTables++;
        client.restoreTableToPointInTime(r -> r.sourceTableName(table).targetTableName(target)
            .restoreDateTime(at));
        Tables.awaitActive(client, target);
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        client.scanPaginator(r -> r.tableName(target).consistentRead(true)).items()
            .forEach(item -> items.put(item.get("id").s(), item));
        assertThat(items).as("seed %d: the table at %s", seed, at).isEqualTo(window.items());
        client.deleteTable(r -> r.tableName(target));
      }
    }
  }
}
