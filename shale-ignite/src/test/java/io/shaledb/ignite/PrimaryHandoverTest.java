package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.catalog.CatalogManager;
import org.apache.ignite.internal.catalog.descriptors.CatalogZoneDescriptor;
import org.apache.ignite.internal.placementdriver.ReplicaMeta;
import org.apache.ignite.internal.replicator.ZonePartitionId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop's first step, on three nodes in this JVM: the node holding the most primaries of the keyspace's zone
 * hands them over while it still runs, so that nothing but the handover can have moved them (a live primary keeps
 * renewing its leases for good), and the others' placement drivers then name other nodes for every one of them.
 */
@Tag("slow")
class PrimaryHandoverTest {
  private static final int PARTITIONS = 8;
  /** Longer than a lease (2 s) and the placement driver's rounds, for the others to see the new primaries. */
  private static final long SEEN_WITHIN_NANOS = Duration.ofSeconds(30).toNanos();

  @TempDir
  static Path clusterDirectory;

  @Test
  void run_onTheNodeHoldingMostPrimaries_givesEveryOneToAnotherNode() throws InterruptedException {
    try (TestCluster cluster = TestCluster.start(3, clusterDirectory)) {
      // The engine's attach creates the keyspace's zone and table, whose partitions then get primaries.
      IgniteEngine.attach(cluster.node(0).ignite(), "HANDOVER", 3, PARTITIONS).close();
      IgniteImpl observer = IgniteInternals.of(cluster.node(0).server());
      Map<Integer, String> before = awaitPrimaries(observer, primaries -> primaries.size() == PARTITIONS);
      String holder = before.values().stream()
          .max(Comparator.comparingLong(name -> before.values().stream().filter(name::equals).count())).orElseThrow();
      EmbeddedNode node = IntStream.range(0, 3).mapToObj(cluster::node).filter(n -> n.name().equals(holder))
          .findFirst().orElseThrow();

      PrimaryHandover.Outcome outcome = new PrimaryHandover(IgniteInternals.of(node.server())).run(Duration.ofSeconds(10));

      long held = before.values().stream().filter(holder::equals).count();
      assertThat(outcome.handed()).as("the zone's partitions %s led", holder).isEqualTo((int) held);
      assertThat(outcome.moved()).isEqualTo(outcome.handed());
      IgniteImpl other = IgniteInternals.of(cluster.node(holder.equals("node0") ? 1 : 0).server());
      Map<Integer, String> after = awaitPrimaries(other,
          primaries -> primaries.size() == PARTITIONS && !primaries.containsValue(holder));
      assertThat(after).as("the zone's primaries as another node's placement driver names them")
          .hasSize(PARTITIONS).doesNotContainValue(holder);
    }
  }

  /** {@code ignite}'s view of the keyspace zone's primaries once {@code done} holds of it, or after the patience. */
  private static Map<Integer, String> awaitPrimaries(IgniteImpl ignite,
      Predicate<Map<Integer, String>> done) throws InterruptedException {
    long deadline = System.nanoTime() + SEEN_WITHIN_NANOS;
    Map<Integer, String> primaries = primaries(ignite);
    while (!done.test(primaries) && System.nanoTime() - deadline < 0) {
      Thread.sleep(50);
      primaries = primaries(ignite);
    }
    return primaries;
  }

  /** Each partition of the keyspace's zone with an accepted primary now, by number, as {@code ignite} sees it. */
  private static Map<Integer, String> primaries(IgniteImpl ignite) {
    CatalogManager catalogs = ignite.catalogManager();
    CatalogZoneDescriptor zone = catalogs.catalog(catalogs.latestCatalogVersion()).zone(Keyspace.ZONE);
    Map<Integer, String> primaries = new TreeMap<>();
    for (int partition = 0; partition < zone.partitions(); partition++) {
      ReplicaMeta primary = ignite.placementDriver()
          .getCurrentPrimaryReplica(new ZonePartitionId(zone.id(), partition), ignite.clockService().now());
      if (primary != null && primary.getLeaseholder() != null) {
        primaries.put(partition, primary.getLeaseholder());
      }
    }
    return primaries;
  }
}
