package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shaledb.it.jepsen.Requests;
import io.shaledb.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The operator's recovery of a node that cannot reopen its data (docs/cluster.md, "Replacing a node's data"): the node
 * is stopped, its data directory moved aside, and it is started again with the same name and options on an empty
 * one. It must join, receive a replica of every partition from the others, and serve; and nothing written before or
 * meanwhile may be lost. That the rebuilt node really holds the data is shown by killing another node afterwards:
 * the two left, the rebuilt one among them, must still answer every acknowledged write.
 *
 * <p>Runs in shale-it's {@code jepsen} profile (root, for the nodes' network namespaces); a few minutes.
 */
@Tag("slow")
class ClusterNodeReplacementIT {
  private static final int NODES = 3;
  private static final int REPLACED = 2;
  private static final int ITEMS_BEFORE = 300;
  private static final Duration REJOIN = Duration.ofMinutes(5);
  private static final Duration REBUILD = Duration.ofMinutes(3);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Path REPORTS = Path.of("target", "jepsen");

  private final long origin = System.nanoTime();

  @Test
  void nodeStartedOnAnEmptyDirectory_withItsName_rebuildsItsReplicas_andNothingIsLost(@TempDir Path directory)
      throws Exception {
    assumeTrue(Boolean.getBoolean("shaledb.jepsen"), "runs in shale-it's jepsen profile (-Pjepsen)");
    assumeTrue(NodeNetwork.available(), "needs network namespaces (ip netns add): run as root");
    Files.createDirectories(REPORTS);
    try (NamespacedCluster cluster = NamespacedCluster.start(directory, NODES, REPORTS.resolve("replacement"))) {
      DynamoDbClient first = cluster.patientClient(0);
      String table = Tables.create(first, "Replacement", "id", ScalarAttributeType.S, null, null);
      Tables.awaitActive(first, table);
      Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < ITEMS_BEFORE; i++) {
        String id = "before-" + i;
        DynamoDbClient client = cluster.patientClient(i % NODES);
        Requests.patiently(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id)))),
            PATIENCE);
        acknowledged.add(id);
      }
      log("%d items written through the three nodes, load %s", ITEMS_BEFORE, loadAverage());

      AtomicBoolean writing = new AtomicBoolean(true);
      List<Thread> writers = IntStream.range(0, 2).mapToObj(n -> Thread.ofPlatform().name("replacement-writer-" + n)
          .start(() -> AcknowledgedWrites.writeUntilStopped(cluster.client(n), table, "during-" + n + "-", acknowledged, writing))).toList();
      cluster.kill(REPLACED);
      Path aside = cluster.moveDataAside(REPLACED);
      log("n%d killed, its data moved aside to %s", REPLACED, aside.getFileName());
      long restarted = System.nanoTime();
      cluster.restart(REPLACED).get(REJOIN.toSeconds(), TimeUnit.SECONDS);
      log("n%d serves again on an empty directory, %.1f s after its start", REPLACED, seconds(restarted));
      JsonNode rebuilt = awaitReplicas(cluster, REPLACED);
      log("every partition has a healthy replica on n%d, %.1f s after its start: %s", REPLACED, seconds(restarted),
          rebuilt);

      writing.set(false);
      for (Thread writer : writers) {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      }
      List<String> ids = List.copyOf(acknowledged);
      assertThat(AcknowledgedWrites.missing(cluster.patientClient(REPLACED), table, ids, PATIENCE)).as("acknowledged items missing through n%d",
          REPLACED).isEmpty();
      // The rebuilt node and n1 must hold every partition between them once n0 is gone.
      cluster.kill(0);
      log("n0 killed; reading %d acknowledged items through n%d", ids.size(), REPLACED);
      List<String> missing = AcknowledgedWrites.missing(cluster.patientClient(REPLACED), table, ids, PATIENCE);
      log("%d acknowledged items read back through n%d with n0 down, %d missing", ids.size(), REPLACED,
          missing.size());
      assertThat(missing).as("acknowledged items missing with n0 down").isEmpty();
    }
  }

  /**
   * Waits until the node's own cluster status shows every partition available with three healthy replicas, one of
   * them on node {@code node}; answers the partitions as then described.
   */
  private static JsonNode awaitReplicas(NamespacedCluster cluster, int node) throws Exception {
    long deadline = System.nanoTime() + REBUILD.toNanos();
    JsonNode partitions = null;
    while (System.nanoTime() - deadline < 0) {
      partitions = clusterStatus(cluster, node).path("Cluster").path("Partitions");
      if (partitions.size() > 0 && rebuilt(partitions, "n" + node)) {
        return partitions;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("n" + node + " did not hold a healthy replica of every partition within "
        + REBUILD.toSeconds() + " s; last status " + partitions);
  }

  private static boolean rebuilt(JsonNode partitions, String node) {
    for (JsonNode partition : partitions) {
      List<String> healthy = new ArrayList<>();
      partition.path("Replicas").forEach(replica -> {
        if ("HEALTHY".equals(replica.path("State").asText())) {
          healthy.add(replica.path("Node").asText());
        }
      });
      if (!"AVAILABLE".equals(partition.path("State").asText()) || healthy.size() < NODES
          || !healthy.contains(node)) {
        return false;
      }
    }
    return true;
  }

  /** {@code shaledb cluster status --json} through the node; a node not answering yet reads as no partitions. */
  private static JsonNode clusterStatus(NamespacedCluster cluster, int node) throws Exception {
    StringWriter out = new StringWriter();
    int exitCode = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
        .execute("cluster", "status", "--json", "--endpoint", cluster.endpoint(node).toString(), "--access-key-id",
            "test", "--secret-access-key", "test");
    return exitCode == 0 ? new ObjectMapper().readTree(out.toString()) : new ObjectMapper().createObjectNode();
  }

  private void log(String format, Object... arguments) {
    System.out.println(String.format(Locale.ROOT, "ClusterNodeReplacementIT %7.1f s  %s  ", seconds(origin),
        Instant.now()) + String.format(Locale.ROOT, format, arguments));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
