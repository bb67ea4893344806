package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shaledb.it.jepsen.Requests;
import io.shaledb.server.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
 * <p>The same step taken by the node itself, when its partition storage cannot be read, is the second test.
 *
 * <p>Runs in shale-it's {@code jepsen} profile (root, for the nodes' network namespaces); a few minutes each.
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
  /** A partition file's header and its meta page, one page each of aipersist's default 16 KB, which a damage keeps. */
  private static final long KEPT_BYTES = 2L * 16 * 1024;
  private static final Pattern PARTITION_FILE = Pattern.compile("part-(\\d+)\\.bin");

  private final long origin = System.nanoTime();

  @Test
  void nodeStartedOnAnEmptyDirectory_withItsName_rebuildsItsReplicas_andNothingIsLost(@TempDir Path directory)
      throws Exception {
    rebuildUnderWrites(directory, "replacement", List.of(), cluster -> {
      Path aside = cluster.moveDataAside(REPLACED);
      log("n%d's data moved aside to %s", REPLACED, aside.getFileName());
    }, cluster -> {});
  }

  /**
   * A node whose partition storage cannot be read after a kill (docs/cluster.md, "Replacing a node's data") takes the
   * operator's step itself when started again: it moves its data aside and rebuilds it from the two others. The
   * nodes write a checkpoint every second, so that the killed node's partition files hold pages to damage.
   */
  @Test
  void nodeWhosePartitionStorageCannotBeRead_rebuildsItselfWhenStarted_andNothingIsLost(@TempDir Path directory)
      throws Exception {
    rebuildUnderWrites(directory, "unreadable", List.of("checkpoint-interval=1000"), cluster -> {
      int damaged = damagePartitions(cluster.dataDirectory(REPLACED).resolve("ignite"));
      log("n%d's partition files damaged: %d", REPLACED, damaged);
      assertThat(damaged).as("partition files with pages to damage").isPositive();
    }, cluster -> assertThat(cluster.dataDirectory(REPLACED).resolve("ignite.unreadable"))
        .as("n%d's unreadable data, moved aside by the node", REPLACED).isDirectory());
  }

  /**
   * Writes items through the three nodes, kills node {@link #REPLACED} under writes through the two others, does
   * {@code whileDown} to its data, and starts it again: it must serve, hold a healthy replica of every partition, and
   * answer every acknowledged item, also once node 0 is killed (the two left must hold every partition between them).
   */
  private void rebuildUnderWrites(Path directory, String name, List<String> engineOptions, ClusterStep whileDown,
      ClusterStep onceServing) throws Exception {
    assumeTrue(Boolean.getBoolean("shaledb.jepsen"), "runs in shale-it's jepsen profile (-Pjepsen)");
    assumeTrue(NodeNetwork.available(), "needs network namespaces (ip netns add): run as root");
    Files.createDirectories(REPORTS);
    try (NamespacedCluster cluster = NamespacedCluster.start(directory, NODES, REPORTS.resolve(name),
        engineOptions)) {
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
      log("n%d killed", REPLACED);
      whileDown.run(cluster);
      long restarted = System.nanoTime();
      cluster.restart(REPLACED).get(REJOIN.toSeconds(), TimeUnit.SECONDS);
      log("n%d serves again, %.1f s after its start", REPLACED, seconds(restarted));
      onceServing.run(cluster);
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

  /** A step the test takes on the cluster. */
  @FunctionalInterface
  private interface ClusterStep {
    void run(NamespacedCluster cluster) throws Exception;
  }

  /**
   * Damages a stopped node's partition storage as a kill left it twice (docs/cluster.md, "The kill loop"): each
   * partition file that a checkpoint has written beyond its meta page is cut after that page, and the partition's
   * delta files are deleted, so the meta that the node reads points to pages that were never written (aipersist
   * reads a page beyond its file's end as zeros, without a checksum: "page content is corrupted" when the node opens
   * the partition's free list, "Unknown page IO type: 0" when it reads a blob). Answers how many partition files it
   * damaged.
   */
  private static int damagePartitions(Path igniteDirectory) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(igniteDirectory.resolve(Path.of("partitions", "db")))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    int damaged = 0;
    for (Path file : files) {
      Matcher partition = PARTITION_FILE.matcher(file.getFileName().toString());
      if (!partition.matches() || Files.size(file) <= KEPT_BYTES) {
        continue;
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(KEPT_BYTES);
        channel.force(true);
      }
      String deltaPrefix = "part-" + partition.group(1) + "-delta-";
      for (Path delta : files) {
        if (delta.getParent().equals(file.getParent()) && delta.getFileName().toString().startsWith(deltaPrefix)) {
          Files.delete(delta);
        }
      }
      damaged++;
    }
    return damaged;
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
