package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.ignite.raft.jraft.Status;
import org.apache.ignite.raft.jraft.entity.EnumOutter.ErrorType;
import org.apache.ignite.raft.jraft.error.RaftError;
import org.apache.ignite.raft.jraft.error.RaftException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica broken after its node started is rebuilt by its node's {@link BrokenReplicaWatch} when the others hold a
 * healthy majority, and kept otherwise: three nodes in this JVM, three replicas of each of two partitions. The replica
 * is put into error through the path Ignite's own state machine adapter takes when applying a log entry fails (as it
 * does when the log replay meets a page failing its checksum: {@code setErrorAndRollback}, which ends in the Raft
 * node's {@code onError}), called directly here, since a damaged page that only the replay reads depends on what the
 * last checkpoint wrote.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokenReplicaRebuildTest {
  private static final int ITEMS = 300;

  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;
  private static StorageEngine engine;
  private static ZoneReplicas replicas;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(3, clusterDirectory);
    replicas = new ZoneReplicas(cluster.node(0).ignite());
    engine = IgniteEngine.attach(cluster.node(0).ignite(), "BROKEN_REPLICAS", 3, 2);
    try (Transaction tx = engine.begin()) {
      for (int i = 0; i < ITEMS; i++) {
        tx.put(key(i), value(i));
      }
      tx.commit();
    }
  }

  @AfterAll
  static void stopCluster() {
    engine.close();
    cluster.close();
  }

  @Test
  @Order(1)
  void check_replicaBrokenWhileTheOthersAreHealthy_rebuildsItAndItsDataReadsBackThroughItsNode() {
    breakReplica(2, 0);
    replicas.awaitState("node2", 0, "BROKEN");
    BrokenReplicaWatch watch = new BrokenReplicaWatch(cluster.node(2).ignite(), "node2", Keyspace.ZONE,
        Clock.systemUTC());

    assertThat(watch.check()).as("the first look").isEmpty();
    long asked = System.nanoTime();
    assertThat(watch.check()).as("the second look").containsExactly(new BrokenReplicas.Rebuild(0, 2));

    replicas.awaitState("node2", 0, "HEALTHY");
    System.out.printf("partition 0 on node2 healthy %.1f s after the watch asked for its rebuild%n",
        (System.nanoTime() - asked) / 1e9);
    replicas.awaitSameRows("node2", "node0", 0);
    try (StorageEngine throughNode2 = IgniteEngine.attach(cluster.node(2).ignite(), "BROKEN_REPLICAS", 3, 2);
        Snapshot snapshot = throughNode2.consistentSnapshot()) {
      for (int i = 0; i < ITEMS; i++) {
        assertThat(snapshot.get(key(i))).as("item %d through node2", i).isEqualTo(value(i));
      }
    }
    assertThat(watch.check()).as("a look once it is healthy").isEmpty();
  }

  @Test
  @Order(2)
  void check_replicaBrokenWithOneHealthyCopyElsewhere_keepsIt() {
    breakReplica(1, 1);
    breakReplica(2, 1);
    replicas.awaitState("node1", 1, "BROKEN");
    replicas.awaitState("node2", 1, "BROKEN");
    BrokenReplicaWatch watch = new BrokenReplicaWatch(cluster.node(2).ignite(), "node2", Keyspace.ZONE,
        Clock.systemUTC());

    watch.check();

    assertThat(watch.check()).singleElement().isInstanceOfSatisfying(BrokenReplicas.Keep.class,
        keep -> assertThat(keep.partition()).isEqualTo(1));
    assertThat(replicas.states(1)).containsEntry("node2", "BROKEN");
  }

  /** Puts node {@code node}'s replica of the keyspace zone's {@code partition} into Raft's error state. */
  private static void breakReplica(int node, int partition) {
    ZoneReplicas.raftNode(cluster.node(node).ignite(), partition).onError(new RaftException(
        ErrorType.ERROR_TYPE_STATE_MACHINE, new Status(RaftError.ESTATEMACHINE, "applying the log failed (the test's)")));
  }

  private static byte[] key(int i) {
    return ("item-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    return ("value-" + i).getBytes(StandardCharsets.UTF_8);
  }
}
