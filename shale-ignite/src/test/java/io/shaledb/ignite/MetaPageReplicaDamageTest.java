package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.ignite.raft.jraft.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, three replicas: node 2's partition files have their meta pages damaged while it is stopped, after two
 * Raft snapshots of its replicas truncated their logs (as Ignite's hourly snapshots do on a server), so the log no
 * longer holds what the storage lost when aipersist recreated its meta page. The replicas' Raft nodes then refuse to
 * start ("Missing logs in (0, n)") and the launch fails with a cause that does not say why; the node, having found the
 * damaged meta pages before the launch ({@link DamagedMetaPages}), takes its storage for unreadable, and rebuilt from
 * the others as the engine does it, serves every item.
 */
@Tag("slow")
class MetaPageReplicaDamageTest {
  /** aipersist's page size, and the size of a partition file's header, which precedes its pages. */
  private static final int PAGE = 16 * 1024;

  private static final int ITEMS = 600;

  @TempDir
  Path directory;

  @Test
  void restart_onMetaPagesFailingTheirChecksumAfterTheLogWasTruncated_failsAsUnreadableAndTheRebuiltNodeServesEveryItem() throws Exception {
    try (TestCluster cluster = TestCluster.start(3, directory, 1000)) {
      ZoneReplicas replicas = new ZoneReplicas(cluster.node(0).ignite());
      try (StorageEngine engine = IgniteEngine.attach(cluster.node(0).ignite(), "META", 3, 2)) {
        write(engine, 0, ITEMS / 2);
        snapshotReplicas(cluster, 2);
        write(engine, ITEMS / 2, ITEMS);
        replicas.awaitSameRows("node2", "node0", 0);
        replicas.awaitSameRows("node2", "node0", 1);
        snapshotReplicas(cluster, 2);
        Path partitions = cluster.settings(2).workDirectory().resolve("partitions");
        awaitNoDeltaFiles(partitions);
        List<Path> damaged = new ArrayList<>();

        assertThatThrownBy(() -> cluster.restart(2, cluster.settings(2), () -> damaged.addAll(
            flipAByteInTheMetaPages(partitions)))).isInstanceOf(IllegalStateException.class)
            .satisfies(failure -> assertThat(UnreadableStorage.causedBy(failure)).as("taken for unreadable").isTrue());
        assertThat(damaged).isNotEmpty();

        // As the engine's start does with a node's storage taken for unreadable (IgniteEngineProvider).
        NodeSettings node2 = cluster.settings(2);
        String self = "127.0.0.1:" + node2.port();
        UnreadableStorage unreadable = new UnreadableStorage(node2.workDirectory(), 3,
            cluster.seeds().stream().filter(seed -> !seed.equals(self)).toList(), Duration.ofSeconds(2));
        assertThat(unreadable.refusal()).isEmpty();
        unreadable.moveAside();
        cluster.restart(2, node2, () -> {});
        replicas.awaitSameRows("node2", "node0", 0);
        replicas.awaitSameRows("node2", "node0", 1);
        try (StorageEngine throughNode2 = IgniteEngine.attach(cluster.node(2).ignite(), "META", 3, 2);
            Snapshot snapshot = throughNode2.consistentSnapshot()) {
          for (int i = 0; i < ITEMS; i++) {
            assertThat(snapshot.get(key(i))).as("item %d through node2", i).isEqualTo(value(i));
          }
        }
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

  /** Waits, a minute at most, until the delta files are merged into the partition files. */
  private static void awaitNoDeltaFiles(Path partitions) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!files(partitions, "part-\\d+-delta-\\d+\\.bin").isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("delta files not merged within a minute");
      }
      LockSupport.parkNanos(100_000_000);
    }
  }

  /** Flips one byte in the body of each partition file's meta page; answers the files damaged. */
  private static List<Path> flipAByteInTheMetaPages(Path partitions) {
    List<Path> damaged = files(partitions, "part-\\d+\\.bin").stream()
        .filter(file -> file.toFile().length() >= 2L * PAGE).toList();
    for (Path partition : damaged) {
      try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "rw")) {
        file.seek(PAGE + 100);
        int original = file.read();
        file.seek(PAGE + 100);
        file.write(original ^ 0xFF);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return damaged;
  }

  private static List<Path> files(Path partitions, String name) {
    if (!Files.isDirectory(partitions)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(partitions)) {
      return files.filter(file -> file.getFileName().toString().matches(name)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
