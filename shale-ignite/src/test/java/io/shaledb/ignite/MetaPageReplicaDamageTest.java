package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.ignite.raft.jraft.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, three replicas: node 2's partition files have their meta pages damaged while it is stopped, after two
 * Raft snapshots of its replicas truncated their logs (as Ignite's hourly snapshots do on a server), so the log no
 * longer holds what the storage lost when aipersist recreated its meta page. The replicas' Raft nodes then refuse to
 * start ("Missing logs in (0, n)") and the launch fails with a cause that does not say why; the node, having found the
 * damaged meta pages before the launch ({@link DamagedMetaPages}), takes its storage for unreadable. Node 1 is down
 * meanwhile, so node 2 leaves its data for an operator; started again once node 1 is back, its meta pages rewritten by
 * then, it still takes its storage for unreadable for the same reason ({@link DamagedMetaPagesMark}), and rebuilt from
 * the others as the engine does it, serves every item.
 */
@Tag("slow")
class MetaPageReplicaDamageTest {
  private static final int ITEMS = 600;

  @TempDir
  Path directory;

  @Test
  void restart_onMetaPagesFailingTheirChecksumAfterTheLogWasTruncated_failsAsUnreadableAtEachStartUntilRebuiltFromTheOthers() throws Exception {
    try (TestCluster cluster = TestCluster.start(3, directory, 1000)) {
      ZoneReplicas replicas = new ZoneReplicas(cluster.node(0).ignite());
      try (StorageEngine engine = IgniteEngine.attach(cluster.node(0).ignite(), "META", 3, 2)) {
        write(engine, 0, ITEMS / 2);
        snapshotReplicas(cluster, 2);
        write(engine, ITEMS / 2, ITEMS);
        replicas.awaitSameRows("node2", "node0", 0);
        replicas.awaitSameRows("node2", "node0", 1);
        snapshotReplicas(cluster, 2);
        NodeSettings node2 = cluster.settings(2);
        PartitionFiles files = new PartitionFiles(node2.workDirectory().resolve("partitions"));
        PartitionFiles.await(() -> files.deltaFiles().isEmpty(), "delta files not merged");
        // As the engine's start does with a node's storage taken for unreadable (IgniteEngineProvider).
        String self = "127.0.0.1:" + node2.port();
        UnreadableStorage unreadable = new UnreadableStorage(node2.workDirectory(), 3,
            cluster.seeds().stream().filter(seed -> !seed.equals(self)).toList(), Duration.ofSeconds(2));
        List<Path> damaged = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();

        cluster.restart(1, cluster.settings(1), () -> {
          failures.add(catchThrowable(() -> cluster.restart(2, node2, () -> damaged.addAll(
              files.flipAByteInTheMetaPages()))));
          assertThat(unreadable.refusal()).as("node 1 is down").contains("node 127.0.0.1:"
              + cluster.settings(1).port() + " does not answer, so the others may not hold a majority of every "
              + "partition");
        });
        replicas.awaitSameRows("node1", "node0", 0);
        replicas.awaitSameRows("node1", "node0", 1);
        failures.add(catchThrowable(() -> cluster.restart(2, node2, () -> assertThat(DamagedMetaPages.in(
            node2.workDirectory())).as("rewritten by the first launch").isEmpty())));

        assertThat(damaged).isNotEmpty();
        String reason = UnreadableStorage.DAMAGED_META_PAGE + " in " + damaged.stream()
            .map(file -> node2.workDirectory().relativize(file).toString()).toList();
        assertThat(failures).hasSize(2).allSatisfy(failure -> assertThat(failure)
            .isInstanceOf(IllegalStateException.class).hasMessageContaining(reason)
            .satisfies(unread -> assertThat(UnreadableStorage.causedBy(unread)).as("taken for unreadable").isTrue()));
        assertThat(unreadable.refusal()).as("node 1 is back").isEmpty();
        unreadable.moveAside();
        cluster.restart(2, node2, () -> {});
        assertThat(node2.workDirectory().resolve(DamagedMetaPagesMark.FILE)).doesNotExist();
        assertThat(unreadable.aside().resolve(DamagedMetaPagesMark.FILE)).as("kept with the data").exists();
        replicas.awaitSameRows("node2", "node0", 0);
        replicas.awaitSameRows("node2", "node0", 1);
        readEveryItem(cluster.node(2));
      }
    }
  }

  /**
   * Reads every item through {@code node}, again while the cluster answers that it cannot serve yet (after two nodes
   * stopped at once, the primary replicas' leases may take a while to be granted again), for two minutes at most.
   */
  private static void readEveryItem(EmbeddedNode node) {
    Deadline deadline = Deadline.after(Duration.ofMinutes(2));
    while (true) {
      try (StorageEngine through = IgniteEngine.attach(node.ignite(), "META", 3, 2);
          Snapshot snapshot = through.consistentSnapshot()) {
        for (int i = 0; i < ITEMS; i++) {
          assertThat(snapshot.get(key(i))).as("item %d through %s", i, node.name()).isEqualTo(value(i));
        }
        return;
      } catch (StorageUnavailableException e) {
        if (deadline.passed()) {
          throw e;
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
      }
    }
  }

  /** Takes a Raft snapshot of node {@code node}'s replicas of the keyspace's two partitions. */
  private static void snapshotReplicas(TestCluster cluster, int node) throws Exception {
    for (int partition = 0; partition < 2; partition++) {
      CompletableFuture<Status> done = new CompletableFuture<>();
      ZoneReplicas.raftNode(cluster.node(node).ignite(), partition).snapshot(done::complete, true);
      Status status = done.get(60, TimeUnit.SECONDS);
      assertThat(status.isOk()).as("snapshot of partition %d: %s", partition, status).isTrue();
    }
  }

  private static void write(StorageEngine engine, int from, int to) {
    for (int batch = from; batch < to; batch += 100) {
      try (Transaction tx = engine.begin()) {
        for (int i = batch; i < Math.min(to, batch + 100); i++) {
          tx.put(key(i), value(i));
        }
        tx.commit();
      }
    }
  }

  private static byte[] key(int i) {
    return ("item-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    byte[] value = new byte[2000];
    value[0] = (byte) i;
    value[1] = (byte) (i >> 8);
    return value;
  }

}
