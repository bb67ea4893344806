package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.maintenance.MaintenanceServices;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.DescribeTable;
import io.shaledb.core.op.table.ListTables;
import io.shaledb.core.op.table.ListTablesInput;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.ClusterStatus.NodeState;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.ignite.lang.IgniteException;
import org.apache.ignite.table.KeyValueView;
import org.apache.ignite.table.mapper.Mapper;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one server must see of what another server of the same cluster did just before: three nodes in this JVM, every
 * partition on all three, and an engine on the same keyspace through node 0 and through node 1, as two servers of a
 * cluster would hold them. Also the cluster's status as either engine describes it, and, last, a fourth node joining
 * the running cluster.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IgniteCrossNodeTest {
  /** Rows per Ignite transaction while loading the items the fourth node's test moves. */
  private static final int PRELOAD_BATCH = 1000;
  private static final int PRELOAD_ATTEMPTS = 10;
  private static final String ITEM_VALUE = "x".repeat(100);
  /** Keys per read-only snapshot when the loaded items are read back after the move. */
  private static final int CHECK_PAGE = 10_000;
  private static final int CHECK_ATTEMPTS = 5;

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

  @Test
  void clusterStatus_throughEitherServer_showsThreeNodesAndEveryPartitionOnAllThree() throws InterruptedException {
    ClusterStatus status = awaitStatus(second, current -> fullyReplicated(current, List.of()));
    assertThat(status.nodes()).extracting(ClusterStatus.Node::name, ClusterStatus.Node::address,
        ClusterStatus.Node::state).containsExactly(tuple("node0", cluster.seeds().get(0), NodeState.ACTIVE),
            tuple("node1", cluster.seeds().get(1), NodeState.ACTIVE),
            tuple("node2", cluster.seeds().get(2), NodeState.ACTIVE));
    assertThat(status.zone()).isEqualTo(Keyspace.ZONE);
    assertThat(status.replicas()).isEqualTo(3);
    assertThat(status.partitions()).extracting(ClusterStatus.Partition::number)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    for (ClusterStatus.Partition partition : status.partitions()) {
      assertThat(partition.state()).isEqualTo(ClusterStatus.PartitionState.AVAILABLE);
      assertThat(partition.replicas()).as("partition %d", partition.number())
          .containsExactly(new ClusterStatus.Replica("node0", ClusterStatus.ReplicaState.HEALTHY),
              new ClusterStatus.Replica("node1", ClusterStatus.ReplicaState.HEALTHY),
              new ClusterStatus.Replica("node2", ClusterStatus.ReplicaState.HEALTHY));
      assertThat(partition.primary()).as("partition %d's primary", partition.number())
          .isIn("node0", "node1", "node2");
    }
    assertThat(first.clusterStatus().nodes()).as("through the other server").isEqualTo(status.nodes());
  }

  /**
   * Every node's dead peer probe reads the others from Ignite's logical topology and from its own physical topology
   * (ScaleCube's), which only Ignite's internals give: an Ignite without the physical topology's internals would leave
   * the second list empty.
   */
  @Test
  void deadPeerProbe_ofEachNode_watchesTheOtherTwoAtTheirClusterAddresses_inBothTopologies() {
    for (int n = 0; n < 3; n++) {
      int self = n;
      List<Tuple> others = IntStream.range(0, 3).filter(other -> other != self)
          .mapToObj(other -> tuple("node" + other, cluster.seeds().get(other))).toList();
      assertThat(cluster.node(n).probedPeers()).as("node%d's probed peers", n)
          .extracting(DeadPeerProbe.Peer::name, peer -> peer.host() + ":" + peer.port())
          .containsExactlyInAnyOrderElementsOf(others);
      assertThat(cluster.node(n).connectedPeers()).as("node%d's physical topology", n)
          .extracting(DeadPeerProbe.Peer::name, peer -> peer.host() + ":" + peer.port())
          .containsExactlyInAnyOrderElementsOf(others);
    }
  }

  /**
   * A fourth node joins the running cluster while a client commits through node 0: the zone takes it as a data node at
   * once, Ignite moves some replicas onto it, and every item written before or during the move is there afterwards,
   * read through the new node (and the loaded ones also through node 0), none missing, extra or changed. Runs last, since it changes the cluster. {@code -Drebalance.items=N} sets the items
   * written before the node joins (1,000 by default); the time the move took is printed, a figure, not an assertion.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void fourthNode_joiningUnderWrites_takesReplicasAndNothingIsLost() throws Exception {
    int items = Integer.getInteger("rebalance.items", 1000);
    KeyValueView<byte[], byte[]> rows = cluster.node(0).ignite().tables().table(table)
        .keyValueView(Mapper.of(byte[].class, "K"), Mapper.of(byte[].class, "V"));
    long loading = System.nanoTime();
    for (int from = 0; from < items; from += PRELOAD_BATCH) {
      IdentityHashMap<byte[], byte[]> batch = new IdentityHashMap<>();
      for (int i = from; i < Math.min(items, from + PRELOAD_BATCH); i++) {
        batch.put(bytes(itemKey(i)), bytes(ITEM_VALUE));
      }
      putAll(rows, batch);
    }
    long loaded = System.nanoTime();

    Writer writer = new Writer(first);
    Thread writing = Thread.ofPlatform().name("rebalance-writer").start(writer);
    int joined = cluster.addNode();
    long joinedAt = System.nanoTime();
    String newNode = "node" + joined;
    ClusterStatus status = awaitStatus(first, current -> fullyReplicated(current, List.of(newNode)));
    long rebalancedAt = System.nanoTime();
    writer.stop();
    writing.join(Duration.ofMinutes(1).toMillis());

    System.out.printf(Locale.ROOT, "IgniteCrossNodeTest: %d items loaded in %.1f s; the fourth node joined in %.1f s;"
        + " the partitions were rebalanced onto it %.1f s after it joined; %d writes acknowledged meanwhile, %d"
        + " attempts failed, longest pause between acknowledged writes %d ms%n", items,
        (loaded - loading) / 1e9, (joinedAt - loaded) / 1e9, (rebalancedAt - joinedAt) / 1e9,
        writer.acknowledged().size(), writer.failures(), writer.longestPauseMillis());
    assertThat(status.nodes()).extracting(ClusterStatus.Node::name).containsExactly("node0", "node1", "node2",
        newNode);
    assertThat(status.partitions()).flatExtracting(ClusterStatus.Partition::replicas)
        .extracting(ClusterStatus.Replica::node).as("replicas on the new node").contains(newNode);
    // The items loaded before the join are read in read-only snapshots, which see commits older than half a second
    // from any node: a strongly consistent view would lock every row read, and Ignite aborts a transaction holding
    // 250,000 locks. The writes made during the move are checked under the strongly consistent view.
    for (int node : List.of(joined, 0)) {
      try (StorageEngine through = IgniteEngine.attach(cluster.node(node).ignite(), table, 3, 8)) {
        long checkStart = System.nanoTime();
        List<String> retried = checkLoadedItems(through, items);
        System.out.printf(Locale.ROOT, "IgniteCrossNodeTest: the %d items read back through node%d in %.1f s,"
            + " starting %.1f s after the move showed done; pages read again: %s%n", items, node,
            (System.nanoTime() - checkStart) / 1e9, (checkStart - rebalancedAt) / 1e9, retried);
      }
    }
    try (StorageEngine throughNewNode = IgniteEngine.attach(cluster.node(joined).ignite(), table, 3, 8);
        Snapshot snapshot = throughNewNode.consistentSnapshot()) {
      assertThat(keys(snapshot, "w")).as("items acknowledged while it joined").containsAll(writer.acknowledged());
    }
  }

  /**
   * Writes one batch of the preload, again after a failure: on loaded cores a replica may miss Ignite's three-second
   * replication timeout, and the batch's writes are idempotent.
   */
  private static void putAll(KeyValueView<byte[], byte[]> rows, IdentityHashMap<byte[], byte[]> batch)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        rows.putAll(null, batch);
        return;
      } catch (IgniteException e) {
        if (attempt == PRELOAD_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  /**
   * Reads the {@code items} loaded before the join back through {@code engine} in pages of {@link #CHECK_PAGE} keys, each
   * page in a read-only snapshot of its own, and fails on any item missing, extra or changed. A page whose read fails
   * (a replica that misses Ignite's replication timeout on loaded cores) is read again, up to {@link #CHECK_ATTEMPTS}
   * times; a page that reads a wrong item is not.
   *
   * @return each page read again, with why
   */
  private static List<String> checkLoadedItems(StorageEngine engine, int items) throws InterruptedException {
    List<String> retried = new ArrayList<>();
    for (int from = 0; from < items; from += CHECK_PAGE) {
      int to = Math.min(items, from + CHECK_PAGE);
      // The last page runs to the end of the items' prefix, so an item beyond the last one written shows as extra.
      KeyRange page = new KeyRange(bytes(itemKey(from)), to == items ? KeyRange.successor(bytes("r"))
          : bytes(itemKey(to)));
      List<String> expected = IntStream.range(from, to).mapToObj(IgniteCrossNodeTest::itemKey).toList();
      for (int attempt = 1; ; attempt++) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Snapshot snapshot = engine.snapshot(); KvCursor cursor = snapshot.scan(page, false)) {
          while (cursor.next()) {
            keys.add(new String(cursor.key(), StandardCharsets.UTF_8));
            values.add(new String(cursor.value(), StandardCharsets.UTF_8));
          }
        } catch (RuntimeException e) {
          retried.add(itemKey(from) + " attempt " + attempt + " after " + keys.size() + " rows: " + e.getMessage());
          if (attempt == CHECK_ATTEMPTS) {
            throw e;
          }
          Thread.sleep(1000);
          continue;
        }
        assertThat(keys).as("the items from %s", itemKey(from)).containsExactlyElementsOf(expected);
        assertThat(values).as("the items' values from %s", itemKey(from)).containsOnly(ITEM_VALUE);
        break;
      }
    }
    return retried;
  }

  private static String itemKey(int i) {
    return String.format(Locale.ROOT, "r%09d", i);
  }

  /**
   * Whether every partition is available, with its replica count of healthy replicas and a primary, and some replicas
   * on each of {@code holding}.
   */
  private static boolean fullyReplicated(ClusterStatus status, List<String> holding) {
    boolean settled = status.partitions().stream().allMatch(partition -> partition.primary() != null
        && partition.state() == ClusterStatus.PartitionState.AVAILABLE
        && partition.replicas().size() == status.replicas()
        && partition.replicas().stream().allMatch(replica -> replica.state() == ClusterStatus.ReplicaState.HEALTHY));
    return settled && holding.stream().allMatch(node -> status.partitions().stream()
        .anyMatch(partition -> partition.replicas().stream().anyMatch(replica -> replica.node().equals(node))));
  }

  /**
   * The status once {@code settled} has held for two readings a second apart (a partition not yet moving still shows
   * its old replicas, all healthy, while another already moves), waiting up to ten minutes. A reading the cluster did
   * not answer in time (its primaries, on loaded cores) counts as not settled.
   */
  private static ClusterStatus awaitStatus(StorageEngine engine, Predicate<ClusterStatus> settled)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    boolean once = false;
    while (true) {
      boolean late = System.nanoTime() - deadline > 0;
      ClusterStatus status;
      try {
        status = engine.clusterStatus();
      } catch (StorageUnavailableException e) {
        if (late) {
          throw e;
        }
        once = false;
        Thread.sleep(1000);
        continue;
      }
      boolean now = settled.test(status);
      if ((now && once) || late) {
        return status;
      }
      once = now;
      Thread.sleep(1000);
    }
  }

  /** Commits keys w0, w1, ... one at a time through one engine, each again until it commits, timing each. */
  private static final class Writer implements Runnable {
    private final StorageEngine engine;
    private final List<String> acknowledged = new ArrayList<>();
    private final List<Long> acknowledgedAt = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    Writer(StorageEngine engine) {
      this.engine = engine;
    }

    @Override
    public void run() {
      long start = System.nanoTime();
      for (int i = 0; !stopped.get(); i++) {
        String key = "w" + i;
        while (!stopped.get()) {
          try {
            put(engine, key, "v");
            synchronized (this) {
              acknowledged.add(key);
              acknowledgedAt.add(System.nanoTime());
            }
            break;
          } catch (RuntimeException e) {
            failures.incrementAndGet();
          }
        }
      }
      synchronized (this) {
        acknowledgedAt.add(0, start);
      }
    }

    void stop() {
      stopped.set(true);
    }

    synchronized List<String> acknowledged() {
      return List.copyOf(acknowledged);
    }

    int failures() {
      return failures.get();
    }

    synchronized long longestPauseMillis() {
      long longest = 0;
      for (int i = 1; i < acknowledgedAt.size(); i++) {
        longest = Math.max(longest, acknowledgedAt.get(i) - acknowledgedAt.get(i - 1));
      }
      return TimeUnit.NANOSECONDS.toMillis(longest);
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
    return keys(snapshot, "k");
  }

  private static List<String> keys(Snapshot snapshot, String prefix) {
    List<String> keys = new ArrayList<>();
    try (KvCursor cursor = snapshot.scan(KeyRange.prefix(bytes(prefix)), false)) {
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
