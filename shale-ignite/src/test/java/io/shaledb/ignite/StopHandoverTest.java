package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.catalog.CatalogManager;
import org.apache.ignite.internal.catalog.descriptors.CatalogZoneDescriptor;
import org.apache.ignite.internal.metastorage.impl.MetaStorageManagerImpl;
import org.apache.ignite.internal.placementdriver.ReplicaMeta;
import org.apache.ignite.internal.raft.Peer;
import org.apache.ignite.internal.raft.service.RaftGroupService;
import org.apache.ignite.internal.replicator.ZonePartitionId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop's first steps, on three nodes in this JVM, each taken while the node keeps running, so that nothing
 * but the step can have moved what it moves (a live primary keeps renewing its leases, a live Raft leader keeps its
 * term): the node holding the most primaries of the keyspace's zone hands them over, and the others' placement drivers
 * then name other nodes for every one of them; the metastorage group's leader hands its leadership to another member.
 */
@Tag("slow")
class StopHandoverTest {
  private static final int PARTITIONS = 8;
  /** Longer than a lease (2 s) and the placement driver's rounds, for the others to see the new primaries. */
  private static final long SEEN_WITHIN_NANOS = Duration.ofSeconds(30).toNanos();

  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(3, clusterDirectory);
    // The engine's attach creates the keyspace's zone and table, whose partitions then get primaries.
    IgniteEngine.attach(cluster.node(0).ignite(), "HANDOVER", 3, PARTITIONS).close();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void primaries_ofTheNodeHoldingMost_goEachToAnotherNode() throws InterruptedException {
    IgniteImpl observer = IgniteInternals.of(cluster.node(0).server());
    Map<Integer, String> before = awaitPrimaries(observer, primaries -> primaries.size() == PARTITIONS);
    String holder = before.values().stream()
        .max(Comparator.comparingLong(name -> before.values().stream().filter(name::equals).count())).orElseThrow();

    PrimaryHandover.Outcome outcome = new PrimaryHandover(IgniteInternals.of(node(holder).server()))
        .run(Deadline.after(Duration.ofSeconds(10)));

    long held = before.values().stream().filter(holder::equals).count();
    assertThat(outcome.handed()).as("the zone's partitions %s led", holder).isEqualTo((int) held);
    assertThat(outcome.moved()).isEqualTo(outcome.handed());
    IgniteImpl other = IgniteInternals.of(cluster.node(holder.equals("node0") ? 1 : 0).server());
    Map<Integer, String> after = awaitPrimaries(other,
        primaries -> primaries.size() == PARTITIONS && !primaries.containsValue(holder));
    assertThat(after).as("the zone's primaries as another node's placement driver names them")
        .hasSize(PARTITIONS).doesNotContainValue(holder);
  }

  @Test
  void metastorageLeadership_ofItsLeader_goesToAnotherMember() throws Exception {
    String leader = metastorageLeader(IgniteInternals.of(cluster.node(0).server()));
    IgniteImpl leading = IgniteInternals.of(node(leader).server());

    Optional<String> next = new MetastorageLeaderHandover(leading).run(Deadline.after(Duration.ofSeconds(10)));

    assertThat(next).isPresent().get().isNotEqualTo(leader);
    for (int n = 0; n < 3; n++) {
      assertThat(metastorageLeader(IgniteInternals.of(cluster.node(n).server())))
          .as("the leader node%d's client finds", n).isEqualTo(next.get());
    }
    EmbeddedNode follower = node(next.get().equals("node0") ? "node1" : "node0");
    assertThat(new MetastorageLeaderHandover(IgniteInternals.of(follower.server())).run(Deadline.after(Duration.ofSeconds(10))))
        .as("a member that does not lead").isEmpty();
  }

  private static EmbeddedNode node(String name) {
    return IntStream.range(0, 3).mapToObj(cluster::node).filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  private static String metastorageLeader(IgniteImpl ignite) throws Exception {
    RaftGroupService group = ((MetaStorageManagerImpl) ignite.metaStorageManager()).metaStorageService()
        .get(10, TimeUnit.SECONDS).raftGroupService();
    group.refreshLeader().get(10, TimeUnit.SECONDS);
    Peer leader = group.leader();
    assertThat(leader).as("the metastorage group's leader").isNotNull();
    return leader.consistentId();
  }

  /** {@code ignite}'s view of the keyspace zone's primaries once {@code done} holds of it, or after the patience. */
  private static Map<Integer, String> awaitPrimaries(IgniteImpl ignite, Predicate<Map<Integer, String>> done)
      throws InterruptedException {
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
