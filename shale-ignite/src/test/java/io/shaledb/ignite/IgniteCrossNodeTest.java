package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.maintenance.MaintenanceServices;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.DescribeTable;
import io.shaledb.core.op.table.ListTables;
import io.shaledb.core.op.table.ListTablesInput;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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

  private String table;
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
    table = "X" + Integer.toHexString(test.getDisplayName().hashCode()).toUpperCase(Locale.ROOT);
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

  @Test
  void tableChangedThroughOneServer_isSeenAtOnceByAnother() {
    try (Database one = new Database(first, Clock.systemUTC(), "us-east-1");
        Database other = new Database(second, Clock.systemUTC(), "us-east-1")) {
      new TestTables(one).create("fresh", false, false, false);
      Map<String, AttributeValue> item = TestTables.item("a", Map.of("v", TestTables.n(1)));
      new TestTables(other).put("fresh", List.of(item));
      assertThat(new TestTables(one).scan("fresh")).containsExactly(item);
      assertThat(new ListTables(other).execute(new ListTablesInput(null, null), Requests.request()).tableNames())
          .containsExactly("fresh");

      new TestTables(one).setDeletionProtection("fresh", true);
      assertThat(new DescribeTable(other).execute("fresh", Requests.request()).table().deletionProtectionEnabled())
          .isTrue();

      new TestTables(one).setDeletionProtection("fresh", false);
      new TestTables(other).delete("fresh");
      assertThatThrownBy(() -> new DescribeTable(one).execute("fresh", Requests.request()))
          .isInstanceOf(DynamoException.class).hasMessage("Requested resource not found: Table: fresh not found");
    }
  }

  @Test
  void timeToLive_onThreeServers_isSweptByOneOfThem() throws InterruptedException {
    StorageEngine third = IgniteEngine.attach(cluster.node(2).ignite(), table, 3, 8);
    List<Database> servers = new ArrayList<>();
    List<AtomicInteger> swept = new ArrayList<>();
    try {
      servers.add(new Database(first, Clock.systemUTC(), "us-east-1"));
      TestTables tables = new TestTables(servers.get(0));
      tables.create("expiring", false, false, false);
      tables.enableTimeToLive("expiring", "expires");
      long past = Clock.systemUTC().millis() / 1000 - 60;
      tables.put("expiring", IntStream.range(0, 60).mapToObj(i -> TestTables.item("i" + i,
          Map.of("expires", TestTables.n(past)))).toList());
      servers.add(new Database(second, Clock.systemUTC(), "us-east-1"));
      servers.add(new Database(third, Clock.systemUTC(), "us-east-1"));
      for (Database server : servers) {
        AtomicInteger count = new AtomicInteger();
        swept.add(count);
        MaintenanceServices.start(server, Duration.ofMillis(200), (name, items) -> count.addAndGet(items));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (swept.stream().mapToInt(AtomicInteger::get).sum() < 60 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(swept).extracting(AtomicInteger::get).as("items each server swept")
          .containsExactlyInAnyOrder(60, 0, 0);
      assertThat(tables.scan("expiring")).isEmpty();
    } finally {
      servers.forEach(Database::close);
      third.close();
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
