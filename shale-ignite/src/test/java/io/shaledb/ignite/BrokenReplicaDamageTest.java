package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica that breaks during its Raft log replay, because a data page the replay reads fails its checksum, is rebuilt
 * from the others by its node's {@link BrokenReplicaWatch}: three nodes in this JVM, three replicas of each of two
 * partitions. Node 2 checkpoints its items, is started again checkpointing no more, receives an update of every item
 * (in its log and page memory only), is stopped, has a byte flipped in each of its checkpointed data pages, and is
 * started again: its start completes, and replaying the updates meets the damaged pages. Items are written through
 * node 0 while the replicas are rebuilt.
 */
@Tag("slow")
class BrokenReplicaDamageTest {
  private static final int ITEMS = 1000;
  private static final int NEVER_MILLIS = 3_600_000;

  @TempDir
  Path directory;

  @Test
  void check_replicaBrokenByADamagedPageItsLogReplayReads_rebuildsItAndItsDataReadsBackThroughItsNode()
      throws IOException, InterruptedException {
    try (TestCluster cluster = TestCluster.start(3, directory, 1000)) {
      ZoneReplicas replicas = new ZoneReplicas(cluster.node(0).ignite());
      try (StorageEngine engine = IgniteEngine.attach(cluster.node(0).ignite(), "DAMAGED", 3, 2)) {
        write(engine, 0, ITEMS, "first");
        PartitionFiles files = new PartitionFiles(cluster.settings(2).workDirectory().resolve("partitions"));
        PartitionFiles.await(() -> files.dataPages() > 0, "no checkpoint wrote data pages");
        NodeSettings checkpointing = cluster.settings(2);
        NodeSettings notCheckpointing = new NodeSettings(checkpointing.name(), checkpointing.host(),
            checkpointing.port(), checkpointing.seeds(), checkpointing.clientPort(), checkpointing.restPort(),
            checkpointing.workDirectory(), checkpointing.fsync(), checkpointing.storage(), checkpointing.cacheBytes(),
            NEVER_MILLIS, checkpointing.failureDetection(), checkpointing.probeDeadPeers());
        cluster.restart(2, notCheckpointing, () -> {});
        write(engine, 0, ITEMS, "second");
        // Raft applies in order, so once node 2 holds the marker items it has applied every update before them.
        write(engine, ITEMS, ITEMS + 10, "marker");
        replicas.awaitSameRows("node2", "node0", 0);
        replicas.awaitSameRows("node2", "node0", 1);

        List<Integer> damaged = new ArrayList<>();
        cluster.restart(2, notCheckpointing, () -> damaged.add(files.flipAByteInEveryDataPage()));

        assertThat(damaged.get(0)).as("data pages damaged").isPositive();
        List<Integer> seenBroken = awaitBroken(replicas);
        BrokenReplicaWatch watch = new BrokenReplicaWatch(cluster.node(2).ignite(), "node2", Keyspace.ZONE,
            Clock.systemUTC());
        watch.check();
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().name("writer").start(() -> writeWhile(engine, writing, acknowledged));
        long asked = System.nanoTime();
        // The replay may break the second partition after the first was seen broken: every replica broken by now,
        // and at least those seen, must be rebuilt.
        List<BrokenReplicas.Verdict> verdicts = watch.check();
        assertThat(verdicts).as("the second look").allMatch(verdict -> verdict instanceof BrokenReplicas.Rebuild);
        List<Integer> broken = verdicts.stream().map(verdict -> ((BrokenReplicas.Rebuild) verdict).partition()).toList();
        assertThat(broken).as("the partitions rebuilt").containsAll(seenBroken);
        for (int partition : broken) {
          replicas.awaitState("node2", partition, "HEALTHY");
        }
        double healthyAfter = (System.nanoTime() - asked) / 1e9;
        writing.set(false);
        writer.join();
        System.out.printf("node2's broken partitions %s healthy %.1f s after the watch asked for their rebuild, %d items"
            + " written meanwhile%n", broken, healthyAfter, acknowledged.size());
        for (int partition : broken) {
          replicas.awaitSameRows("node2", "node0", partition);
        }
        assertThat(acknowledged).as("items written during the rebuild").isNotEmpty();
        try (StorageEngine throughNode2 = IgniteEngine.attach(cluster.node(2).ignite(), "DAMAGED", 3, 2);
            Snapshot snapshot = throughNode2.consistentSnapshot()) {
          for (int i = 0; i < ITEMS; i++) {
            assertThat(snapshot.get(key(i))).as("item %d through node2", i).isEqualTo(value(i, "second"));
          }
          for (int i : acknowledged) {
            assertThat(snapshot.get(key(i))).as("item %d through node2", i).isEqualTo(value(i, "during"));
          }
        }
      }
    }
  }

  /** Writes items {@code from} to {@code to} (excluded), each about 2 KB, their values marked {@code version}. */
  private static void write(StorageEngine engine, int from, int to, String version) {
    for (int batch = from; batch < to; batch += 100) {
      try (Transaction tx = engine.begin()) {
        for (int i = batch; i < Math.min(to, batch + 100); i++) {
          tx.put(key(i), value(i, version));
        }
        tx.commit();
      }
    }
  }

  /**
   * Writes new items one by one, from after the marker items on, while {@code writing}; adds each whose commit was
   * acknowledged to {@code acknowledged}. A write that fails (a request timing out while a partition changes hands) is
   * not counted.
   */
  private static void writeWhile(StorageEngine engine, AtomicBoolean writing, List<Integer> acknowledged) {
    for (int i = ITEMS + 10; writing.get(); i++) {
      try (Transaction tx = engine.begin()) {
        tx.put(key(i), value(i, "during"));
        tx.commit();
        acknowledged.add(i);
      } catch (RuntimeException e) {
        System.out.println("a write during the rebuild failed: " + e);
      }
    }
  }

  /** Waits, a few minutes at most, until node 2 reports a replica broken; answers which. */
  private static List<Integer> awaitBroken(ZoneReplicas replicas) {
    long deadline = System.nanoTime() + 240_000_000_000L;
    while (true) {
      List<Integer> broken = new ArrayList<>();
      List<Map<String, String>> states = List.of(replicas.states(0), replicas.states(1));
      for (int partition = 0; partition < states.size(); partition++) {
        if ("BROKEN".equals(states.get(partition).get("node2"))) {
          broken.add(partition);
        }
      }
      if (!broken.isEmpty()) {
        return broken;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no replica of node2 broke during its log replay: " + states);
      }
      LockSupport.parkNanos(500_000_000L);
    }
  }

  private static byte[] key(int i) {
    return ("item-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i, String version) {
    return (version + "-" + i + "-" + "x".repeat(2000)).getBytes(StandardCharsets.UTF_8);
  }
}
