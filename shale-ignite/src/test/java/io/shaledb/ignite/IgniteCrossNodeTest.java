package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one server must see of what another server of the same cluster did just before: three nodes in this JVM, every
 * partition on all three, and an engine on the same keyspace through node 0 and through node 1, as two servers of a
 * cluster would hold them.
 */
@Tag("slow")
class IgniteCrossNodeTest {
  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;

  private StorageEngine first;
  private StorageEngine second;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(3, clusterDirectory);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @BeforeEach
  void attach(TestInfo test) {
    String table = "X" + Integer.toHexString(test.getDisplayName().hashCode()).toUpperCase(Locale.ROOT);
    first = IgniteEngine.attach(cluster.node(0).ignite(), table, 3, 8);
    second = IgniteEngine.attach(cluster.node(1).ignite(), table, 3, 8);
  }

  @AfterEach
  void detach() {
    first.close();
    second.close();
  }

  @Test
  void consistentSnapshot_rightAfterCommitsThroughAnotherNode_seesEveryOne() {
    for (int i = 0; i < 20; i++) {
      put(second, "k" + (100 + i), "v" + i);
      try (Snapshot snapshot = first.consistentSnapshot()) {
        assertThat(keys(snapshot)).as("after commit %d through node 1", i).hasSize(i + 1).last()
            .isEqualTo("k" + (100 + i));
        assertThat(snapshot.get(bytes("k" + (100 + i)))).isEqualTo(bytes("v" + i));
      }
    }
  }

  @Test
  void transactionRead_rightAfterACommitThroughAnotherNode_seesIt() {
    for (int i = 0; i < 10; i++) {
      put(second, "counter", "v" + i);
      try (Transaction tx = first.begin()) {
        assertThat(tx.get(bytes("counter"))).as("read %d", i).isEqualTo(bytes("v" + i));
      }
    }
  }

  private static void put(StorageEngine engine, String key, String value) {
    try (Transaction tx = engine.begin()) {
      tx.get(bytes(key));
      tx.put(bytes(key), bytes(value));
      tx.commit();
    }
  }

  private static List<String> keys(Snapshot snapshot) {
    List<String> keys = new ArrayList<>();
    try (KvCursor cursor = snapshot.scan(KeyRange.prefix(bytes("k")), false)) {
      while (cursor.next()) {
        keys.add(new String(cursor.key(), StandardCharsets.UTF_8));
      }
    }
    return keys;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
