package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shaledb.it.jepsen.Requests;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Kills one node of a three-node cluster under writes again and again, at random moments, and starts it again each
 * time on its data directory: each launch must rejoin, and every acknowledged write must be readable at the end. A
 * node's partition storage that a kill leaves unopenable (docs/cluster.md, "Failover and rejoin") shows as a node that
 * does not serve again within {@link #REJOIN}; the loop then stops, and its log stays in the report directory.
 *
 * <p>Runs in shale-it's {@code jepsen} profile (root, for the nodes' network namespaces) and only when asked:
 * {@code -Dkillloop.kills=25} (and {@code -Dkillloop.minutes=25}, the loop's bound in time; {@code
 * -Djepsen.engineOptions=partition-storage=rocksdb} for the nodes' engine options). Every kill and rejoin is written to
 * {@code target/jepsen/kill-loop.txt}.
 */
@Tag("slow")
class ClusterKillLoopIT {
  private static final int NODES = 3;
  private static final Duration REJOIN = Duration.ofMinutes(4);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  /** The longest and shortest time a node runs between its rejoin and its next kill: any moment of its work. */
  private static final long MIN_UP_MILLIS = 1_000;
  private static final long MAX_UP_MILLIS = 20_000;
  private static final long MAX_DOWN_MILLIS = 3_000;
  private static final Path REPORTS = Path.of("target", "jepsen");

  private final long seed = Long.getLong("jepsen.seed", System.nanoTime());
  private final List<String> log = new ArrayList<>();
  private final long origin = System.nanoTime();

  @Test
  void killedNode_restartedOnItsData_rejoinsEveryTime_andNoAcknowledgedWriteIsLost(@TempDir Path directory)
      throws Exception {
    int kills = Integer.getInteger("killloop.kills", 0);
    assumeTrue(kills > 0 && Boolean.getBoolean("shaledb.jepsen"), "runs in the jepsen profile with -Dkillloop.kills");
    assumeTrue(NodeNetwork.available(), "needs network namespaces (ip netns add): run as root");
    Files.createDirectories(REPORTS);
    long bound = System.nanoTime() + TimeUnit.MINUTES.toNanos(Integer.getInteger("killloop.minutes", 25));
    SplittableRandom random = new SplittableRandom(seed);
    List<String> notRejoined = new ArrayList<>();
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try (NamespacedCluster cluster = NamespacedCluster.start(directory, NODES, REPORTS.resolve("kill-loop"))) {
      DynamoDbClient first = cluster.patientClient(0);
      String table = Tables.create(first, "KillLoop", "id", ScalarAttributeType.S, null, null);
      Tables.awaitActive(first, table);
      for (int n = 0; n < NODES; n++) {
        DynamoDbClient client = cluster.patientClient(n);
        Requests.patiently(() -> client.getItem(r -> r.tableName(table)
            .key(Map.of("id", AttributeValue.fromS("probe"))).consistentRead(true)), PATIENCE);
      }
      record("cluster up, seed %d, load %s", seed, loadAverage());
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Thread> writers = IntStream.range(0, NODES).mapToObj(n -> Thread.ofPlatform().name("kill-loop-writer-" + n)
          .start(() -> AcknowledgedWrites.writeUntilStopped(cluster.client(n), table, "w" + n + "-", acknowledged, writing))).toList();
      for (int kill = 1; kill <= kills && System.nanoTime() - bound < 0; kill++) {
        Thread.sleep(random.nextLong(MIN_UP_MILLIS, MAX_UP_MILLIS));
        int victim = random.nextInt(NODES);
        cluster.kill(victim);
        record("kill %d: n%d killed, %d writes acknowledged so far, load %s", kill, victim, acknowledged.size(),
            loadAverage());
        Thread.sleep(random.nextLong(MAX_DOWN_MILLIS));
        long restarted = System.nanoTime();
        try {
          cluster.restart(victim).get(REJOIN.toSeconds(), TimeUnit.SECONDS);
          record("kill %d: n%d serves again %.1f s after its restart", kill, victim, seconds(System.nanoTime()
              - restarted));
        } catch (Exception e) {
          String why = "kill " + kill + ": n" + victim + " did not serve again within " + REJOIN.toSeconds() + " s: "
              + String.valueOf(e.getMessage()).lines().filter(line -> line.contains("Exception") || line.contains(
                  "ERROR")).findFirst().orElse(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
          record("%s", why);
          notRejoined.add(why);
          break;
        }
      }
      writing.set(false);
      for (Thread writer : writers) {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      }
      int serving = IntStream.range(0, NODES).filter(n -> notRejoined.stream().noneMatch(line -> line.contains(
          ": n" + n + " "))).findFirst().orElseThrow();
      List<String> missing = AcknowledgedWrites.missing(cluster.patientClient(serving), table,
          List.copyOf(acknowledged), PATIENCE);
      record("%d acknowledged writes read back through n%d, %d missing%s", acknowledged.size(), serving,
          missing.size(), missing.isEmpty() ? "" : " (first " + missing.get(0) + ")");
      report();
      assertThat(missing).as("acknowledged writes missing at the end").isEmpty();
    }
    report();
    assertThat(notRejoined).as("nodes that did not serve again after a kill").isEmpty();
  }

  private void record(String format, Object... arguments) {
    String line = String.format(Locale.ROOT, "%7.1f s  %s  ", seconds(System.nanoTime() - origin), Instant.now())
        + String.format(Locale.ROOT, format, arguments);
    System.out.println("ClusterKillLoopIT " + line);
    synchronized (log) {
      log.add(line);
    }
  }

  private void report() throws IOException {
    List<String> lines;
    synchronized (log) {
      lines = List.copyOf(log);
    }
    Files.write(REPORTS.resolve("kill-loop.txt"), Stream.concat(Stream.of("seed " + seed), lines.stream()).toList(),
        StandardCharsets.UTF_8);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
