package io.shaledb.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite every storage engine passes: extend it and say how to open the engine. Capabilities are
 * checked both ways: an engine that does not declare one must show the declared absence, not skip the test.
 */
public abstract class StorageEngineContract {

  @TempDir
  protected Path directory;

  protected StorageEngine engine;

  /** Opens (or reopens) the engine under test on {@code directory}. */
  protected abstract StorageEngine open(Path directory);

  /**
   * How many commits each writer of a contended test makes, given the number that suits an engine in this process. An
   * engine whose contended commits each cost a network round trip may make fewer, as long as its writers still
   * overlap for many commits: the guarantee tested is the same.
   */
  protected int contendedCommits(int usual) {
    return usual;
  }

  @BeforeEach
  void openEngine() {
    engine = open(directory);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  protected static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  protected void put(String key, String value) {
    try (Transaction tx = engine.begin()) {
      tx.put(b(key), b(value));
      tx.commit();
    }
  }

  private String get(String key) {
    try (Snapshot snapshot = engine.snapshot()) {
      return s(snapshot.get(b(key)));
    }
  }

  private static List<String> keys(KvReader reader, KeyRange range, boolean reverse) {
    List<String> keys = new ArrayList<>();
    try (KvCursor cursor = reader.scan(range, reverse)) {
      while (cursor.next()) {
        keys.add(s(cursor.key()) + "=" + s(cursor.value()));
      }
    }
    return keys;
  }

  @Test
  void put_get_delete() {
    put("a", "1");
    assertThat(get("a")).isEqualTo("1");
    put("a", "2");
    assertThat(get("a")).isEqualTo("2");
    try (Transaction tx = engine.begin()) {
      tx.delete(b("a"));
      tx.commit();
    }
    assertThat(get("a")).isNull();
    assertThat(get("never")).isNull();
  }

  /**
   * {@link StorageEngine#getWithoutBlocking}'s answer. An engine whose store other processes share must refuse every
   * such read ({@link Capability#SHARED}); the key is then read through {@link StorageEngine#consistentGet}, so that
   * the test still checks what the engine holds.
   */
  private byte[] withoutBlocking(byte[] key) {
    if (engine.capabilities().contains(Capability.SHARED)) {
      assertThatThrownBy(() -> engine.getWithoutBlocking(key)).isInstanceOfSatisfying(WouldBlockException.class,
          e -> assertThat(e.reason()).isEqualTo(WouldBlockException.Reason.ALWAYS));
      return engine.consistentGet(key);
    }
    return engine.getWithoutBlocking(key);
  }

  @Test
  void consistentGet_seesTheLatestCommit() {
    put("a", "1");
    put("a", "2");
    assertThat(s(engine.consistentGet(b("a")))).isEqualTo("2");
    try (Transaction tx = engine.begin()) {
      tx.delete(b("a"));
      tx.commit();
    }
    assertThat(engine.consistentGet(b("a"))).isNull();
    assertThat(engine.consistentGet(b("never"))).isNull();
  }

  @Test
  void getWithoutBlocking_seesTheLatestCommit() {
    put("a", "1");
    put("a", "2");
    assertThat(s(withoutBlocking(b("a")))).isEqualTo("2");
    try (Transaction tx = engine.begin()) {
      tx.delete(b("a"));
      tx.commit();
    }
    assertThat(withoutBlocking(b("a"))).isNull();
    assertThat(withoutBlocking(b("never"))).isNull();
  }

  /** Keys and values of every length a read may buffer on its way, around 16 KB and up to an item's 400 KB. */
  @Test
  void getWithoutBlocking_answersKeysAndValuesOfAnyLength_exactly() {
    int[] lengths = {0, 1, 1023, 1024, 1025, 3072, 16_383, 16_384, 16_385, 400 * 1024};
    Random random = new Random(7);
    Map<String, byte[]> written = new LinkedHashMap<>();
    for (int keyLength : new int[] {1, 1024, 1025, 3072}) {
      for (int valueLength : lengths) {
        byte[] key = new byte[keyLength];
        byte[] value = new byte[valueLength];
        random.nextBytes(key);
        random.nextBytes(value);
        try (Transaction tx = engine.begin()) {
          tx.put(key, value);
          tx.commit();
        }
        written.put(HexFormat.of().formatHex(key), value);
      }
    }
    written.forEach((key, value) -> assertThat(withoutBlocking(HexFormat.of().parseHex(key)))
        .as("key of %d bytes, value of %d", key.length() / 2, value.length)
        .isEqualTo(value));
  }

  @Test
  void getWithoutBlocking_onAReopenedEngine_answersAsAReadWould_orWouldBlock() {
    put("persist", "1");
    engine.close();
    engine = open(directory);
    String expected = engine.capabilities().contains(Capability.DURABLE) ? "1" : null;
    try {
      assertThat(s(withoutBlocking(b("persist")))).isEqualTo(expected);
    } catch (WouldBlockException e) {
      assertThat(engine.capabilities()).as("only an engine that may block says it would")
          .doesNotContain(Capability.NON_BLOCKING);
    }
    assertThat(get("persist")).isEqualTo(expected);
  }

  @Test
  void clusterStatus_whenDeclared_placesEveryPartitionOnItsNodes_elseIsUnsupported() {
    if (!engine.capabilities().contains(Capability.CLUSTER_STATUS)) {
      assertThatThrownBy(engine::clusterStatus).isInstanceOf(UnsupportedOperationException.class);
      return;
    }
    ClusterStatus status = engine.clusterStatus();
    List<String> nodes = status.nodes().stream().filter(node -> node.state() == ClusterStatus.NodeState.ACTIVE)
        .map(ClusterStatus.Node::name).toList();
    assertThat(nodes).as("the active nodes' names").isNotEmpty().doesNotContainNull().doesNotHaveDuplicates();
    assertThat(status.replicas()).isPositive();
    assertThat(status.partitions()).isNotEmpty().extracting(ClusterStatus.Partition::number)
        .isEqualTo(IntStream.range(0, status.partitions().size()).boxed().toList());
    for (ClusterStatus.Partition partition : status.partitions()) {
      assertThat(partition.replicas()).as("partition %d", partition.number()).isNotEmpty()
          .hasSizeLessThanOrEqualTo(Math.max(status.replicas(), nodes.size()))
          .extracting(ClusterStatus.Replica::node).isSubsetOf(nodes);
      if (partition.primary() != null) {
        assertThat(nodes).as("partition %d's primary", partition.number()).contains(partition.primary());
      }
    }
  }

  @Test
  void scan_ordersByUnsignedBytes_bothWays() {
    byte[][] keys = {{0x01}, {(byte) 0x80}, {(byte) 0xFF}, {0x01, 0x00}, {0x7F}};
    try (Transaction tx = engine.begin()) {
      for (byte[] key : keys) {
        tx.put(key, key);
      }
      tx.commit();
    }
    List<Integer> forward = new ArrayList<>();
    List<Integer> backward = new ArrayList<>();
    try (Snapshot snapshot = engine.snapshot()) {
      KeyRange all = new KeyRange(new byte[] {0x00}, new byte[] {(byte) 0xFF, (byte) 0xFF});
      try (KvCursor cursor = snapshot.scan(all, false)) {
        while (cursor.next()) {
          forward.add(cursor.key().length * 1000 + (cursor.key()[cursor.key().length - 1] & 0xFF));
        }
      }
      try (KvCursor cursor = snapshot.scan(all, true)) {
        while (cursor.next()) {
          backward.add(cursor.key().length * 1000 + (cursor.key()[cursor.key().length - 1] & 0xFF));
        }
      }
    }
    assertThat(forward).containsExactly(1001, 2000, 1127, 1128, 1255);
    assertThat(backward).containsExactly(1255, 1128, 1127, 2000, 1001);
  }

  @Test
  void scan_respectsRangeBounds() {
    for (String k : List.of("a", "b", "ba", "bz", "c")) {
      put(k, k);
    }
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(keys(snapshot, new KeyRange(b("b"), b("c")), false)).containsExactly("b=b", "ba=ba", "bz=bz");
      assertThat(keys(snapshot, KeyRange.prefix(b("b")), true)).containsExactly("bz=bz", "ba=ba", "b=b");
      assertThat(keys(snapshot, new KeyRange(b("ba"), b("bz")), false)).containsExactly("ba=ba");
      assertThat(keys(snapshot, new KeyRange(b("x"), b("y")), false)).isEmpty();
    }
  }

  @Test
  void snapshot_isUnaffectedByLaterCommits() {
    put("a", "1");
    put("b", "1");
    try (Snapshot before = engine.snapshot()) {
      put("a", "2");
      put("c", "2");
      try (Transaction tx = engine.begin()) {
        tx.delete(b("b"));
        tx.commit();
      }
      assertThat(s(before.get(b("a")))).isEqualTo("1");
      assertThat(s(before.get(b("b")))).isEqualTo("1");
      assertThat(s(before.get(b("c")))).isNull();
      assertThat(keys(before, KeyRange.prefix(new byte[] {'a'}), false)).containsExactly("a=1");
      assertThat(keys(before, new KeyRange(b("a"), b("d")), false)).containsExactly("a=1", "b=1");
    }
    assertThat(get("a")).isEqualTo("2");
    assertThat(get("b")).isNull();
  }

  @Test
  void transaction_readsItsOwnWrites_andCommitsAtomically() {
    put("x", "0");
    try (Transaction tx = engine.begin()) {
      tx.put(b("x"), b("1"));
      tx.put(b("y"), b("1"));
      tx.delete(b("z"));
      assertThat(s(tx.get(b("x")))).isEqualTo("1");
      assertThat(get("x")).as("uncommitted writes are invisible").isEqualTo("0");
      assertThat(get("y")).isNull();
      tx.commit();
    }
    assertThat(get("x")).isEqualTo("1");
    assertThat(get("y")).isEqualTo("1");
  }

  @Test
  void transaction_notCommitted_writesNothing() {
    try (Transaction tx = engine.begin()) {
      tx.put(b("gone"), b("1"));
    }
    assertThat(get("gone")).isNull();
  }

  @Test
  void transaction_readKeyChangedByAnotherCommit_conflicts() {
    put("k", "0");
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      assertThat(s(first.get(b("k")))).isEqualTo("0");
      assertThat(s(second.get(b("k")))).isEqualTo("0");
      first.put(b("k"), b("1"));
      second.put(b("k"), b("2"));
      second.put(b("other"), b("2"));
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(WriteConflictException.class);
    }
    assertThat(get("k")).isEqualTo("1");
    assertThat(get("other")).as("a conflicting commit writes nothing").isNull();
  }

  @Test
  void transaction_absentKeyCreatedByAnotherCommit_conflicts() {
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      assertThat(first.get(b("new"))).isNull();
      assertThat(second.get(b("new"))).isNull();
      first.put(b("new"), b("1"));
      second.put(b("new"), b("2"));
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(WriteConflictException.class);
    }
    assertThat(get("new")).isEqualTo("1");
  }

  @Test
  void append_readsBackWithinTheTransaction_andCommitsConcatenatedInCommitOrder() {
    try (Transaction tx = engine.begin()) {
      tx.append(b("record"), b("1"));
      assertThat(s(tx.get(b("record")))).isEqualTo("1");
      tx.append(b("record"), b("2"));
      tx.commit();
    }
    try (Transaction tx = engine.begin()) {
      tx.append(b("record"), b("3"));
      tx.commit();
    }
    assertThat(get("record")).isEqualTo("123");
    try (Snapshot snapshot = engine.snapshot();
        KvCursor cursor = snapshot.scan(new KeyRange(b("r"), b("s")), false)) {
      assertThat(cursor.next()).isTrue();
      assertThat(s(cursor.value())).isEqualTo("123");
    }
  }

  @Test
  void append_toAWrittenKey_followsItsValue() {
    put("record", "0");
    try (Transaction tx = engine.begin()) {
      tx.append(b("record"), b("1"));
      tx.commit();
    }
    assertThat(get("record")).isEqualTo("01");
  }

  @Test
  void append_whenItsTransactionConflictsOnAnotherKey_goesWithIt() {
    put("item", "0");
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      first.get(b("item"));
      first.put(b("item"), b("1"));
      first.append(b("record"), b("1"));
      second.get(b("item"));
      second.put(b("item"), b("2"));
      second.append(b("record"), b("2"));
      first.commit();
      assertThatThrownBy(second::commit).isInstanceOf(WriteConflictException.class);
    }
    try (Transaction third = engine.begin()) {
      third.get(b("item"));
      third.put(b("item"), b("3"));
      third.append(b("record"), b("3"));
      third.commit();
    }
    assertThat(get("record")).isEqualTo("13");
  }

  @Test
  void transactions_onDisjointKeys_bothCommit() {
    try (Transaction first = engine.begin(); Transaction second = engine.begin()) {
      first.get(b("a"));
      first.put(b("a"), b("1"));
      second.get(b("b"));
      second.put(b("b"), b("2"));
      first.commit();
      second.commit();
    }
    assertThat(get("a")).isEqualTo("1");
    assertThat(get("b")).isEqualTo("2");
  }

  @Test
  void clearRange_removesOnlyThatRange() {
    for (String k : List.of("a1", "b1", "b2", "c1")) {
      put(k, k);
    }
    engine.clearRange(KeyRange.prefix(b("b")));
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(keys(snapshot, new KeyRange(b("a"), b("z")), false)).containsExactly("a1=a1", "c1=c1");
    }
  }

  @Test
  void concurrentIncrements_throughRetriedTransactions_loseNoUpdate() throws Exception {
    long seed = new Random().nextLong();
    System.out.println("concurrentIncrements seed " + seed);
    Random random = new Random(seed);
    int threads = 4;
    int incrementsPerThread = contendedCommits(300);
    int counters = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long threadSeed = random.nextLong();
      futures.add(pool.submit(() -> {
        Random r = new Random(threadSeed);
        for (int i = 0; i < incrementsPerThread; i++) {
          String key = "counter" + r.nextInt(counters);
          while (true) {
            try (Transaction tx = engine.begin()) {
              byte[] current = tx.get(b(key));
              int value = current == null ? 0 : Integer.parseInt(s(current));
              tx.put(b(key), b(String.valueOf(value + 1)));
              tx.put(b("total"), b("touched"));
              tx.commit();
              break;
            } catch (WriteConflictException e) {
              Thread.onSpinWait();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    int sum = 0;
    for (int c = 0; c < counters; c++) {
      String value = get("counter" + c);
      sum += value == null ? 0 : Integer.parseInt(value);
    }
    assertThat(sum).isEqualTo(threads * incrementsPerThread);
  }

  /**
   * Random writes, deletes and cleared ranges over keys that share and split long prefixes (the memory engine shards
   * by the first six bytes), checked against a sorted map by random scans both ways.
   */
  @Test
  void randomWrites_scanLikeASortedMap() {
    long seed = new Random().nextLong();
    System.out.println("randomWrites_scanLikeASortedMap seed " + seed);
    Random random = new Random(seed);
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    for (int round = 0; round < 300; round++) {
      try (Transaction tx = engine.begin()) {
        for (int i = 0; i < 10; i++) {
          byte[] key = randomKey(random);
          if (random.nextInt(4) == 0) {
            tx.delete(key);
            model.remove(key);
          } else {
            byte[] value = b(String.valueOf(random.nextInt()));
            tx.put(key, value);
            model.put(key, value);
          }
        }
        tx.commit();
      }
      KeyRange range = randomRange(random);
      if (round % 50 == 49) {
        engine.clearRange(range);
        model.subMap(range.start(), true, range.end(), false).clear();
      }
      boolean reverse = random.nextBoolean();
      NavigableMap<byte[], byte[]> expected = model.subMap(range.start(), true, range.end(), false);
      List<String> scanned = new ArrayList<>();
      try (Snapshot snapshot = engine.snapshot(); KvCursor cursor = snapshot.scan(range, reverse)) {
        while (cursor.next()) {
          scanned.add(HexFormat.of().formatHex(cursor.key()) + "=" + s(cursor.value()));
        }
      }
      List<String> wanted = new ArrayList<>();
      (reverse ? expected.descendingMap() : expected)
          .forEach((key, value) -> wanted.add(HexFormat.of().formatHex(key) + "=" + s(value)));
      assertThat(scanned).as("round %d, seed %d", round, seed).isEqualTo(wanted);
    }
  }

  /** Up to nine bytes, drawn mostly from a few values so that keys often share their first bytes. */
  private static byte[] randomKey(Random random) {
    byte[] key = new byte[random.nextInt(10)];
    byte[] common = {0x00, 0x01, 0x0F, 0x10, 0x7F, (byte) 0x80, (byte) 0xFF};
    for (int i = 0; i < key.length; i++) {
      key[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : common[random.nextInt(common.length)];
    }
    return key;
  }

  private static KeyRange randomRange(Random random) {
    byte[] a = randomKey(random);
    byte[] b = randomKey(random);
    return Arrays.compareUnsigned(a, b) <= 0 ? new KeyRange(a, b) : new KeyRange(b, a);
  }

  @Test
  void cursor_streamsALargeRange_andClearRangeRemovesIt() {
    int count = 20_000;
    for (int batch = 0; batch < count / 1000; batch++) {
      try (Transaction tx = engine.begin()) {
        for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
          tx.put(b(String.format("big%08d", i)), new byte[100]);
        }
        tx.commit();
      }
    }
    int seen = 0;
    byte[] previous = null;
    try (Snapshot snapshot = engine.snapshot(); KvCursor cursor = snapshot.scan(KeyRange.prefix(b("big")), false)) {
      while (cursor.next()) {
        if (previous != null) {
          assertThat(java.util.Arrays.compareUnsigned(previous, cursor.key())).isNegative();
        }
        previous = cursor.key();
        seen++;
      }
    }
    assertThat(seen).isEqualTo(count);
    engine.clearRange(new KeyRange(b("big00000001"), b("big00019999")));
    try (Snapshot snapshot = engine.snapshot(); KvCursor cursor = snapshot.scan(KeyRange.prefix(b("big")), false)) {
      List<String> left = new ArrayList<>();
      while (cursor.next()) {
        left.add(s(cursor.key()));
      }
      assertThat(left).containsExactly("big00000000", "big00019999");
    }
  }

  @Test
  void reopen_keepsCommitsExactlyWhenDurable() {
    put("persist", "1");
    engine.close();
    engine = open(directory);
    if (engine.capabilities().contains(Capability.DURABLE)) {
      assertThat(get("persist")).isEqualTo("1");
    } else {
      assertThat(get("persist")).as("an engine that is not durable starts empty").isNull();
    }
  }

  private List<Long> stamps(KvReader reader, String prefix) {
    List<Long> stamps = new ArrayList<>();
    try (KvCursor cursor = reader.scan(KeyRange.prefix(b(prefix)), false)) {
      while (cursor.next()) {
        assertThat(cursor.key()).hasSize(prefix.length() + Versionstamps.BYTES);
        stamps.add(Versionstamps.of(cursor.key()));
      }
    }
    return stamps;
  }

  @Test
  void putVersionstamped_stampsInCommitOrder_aboveNextVersionstampTakenBefore() {
    long floor = engine.nextVersionstamp();
    try (Transaction tx = engine.begin()) {
      tx.putVersionstamped(b("log/"), b("first"));
      tx.putVersionstamped(b("log/"), b("second"));
      tx.put(b("plain"), b("x"));
      tx.commit();
    }
    long between = engine.nextVersionstamp();
    try (Transaction tx = engine.begin()) {
      tx.putVersionstamped(b("log/"), b("third"));
      tx.commit();
    }
    try (Snapshot snapshot = engine.snapshot()) {
      List<Long> stamps = stamps(snapshot, "log/");
      assertThat(stamps).hasSize(3).isSorted().doesNotHaveDuplicates();
      assertThat(stamps.get(0)).isGreaterThanOrEqualTo(floor);
      assertThat(stamps.get(1)).isLessThan(between);
      assertThat(stamps.get(2)).isGreaterThanOrEqualTo(between);
      assertThat(keys(snapshot, KeyRange.prefix(b("log/")), false))
          .extracting(k -> k.substring(k.indexOf('=') + 1)).containsExactly("first", "second", "third");
    }
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(engine.nextVersionstamp()).isGreaterThan(stamps(snapshot, "log/").get(2));
    }
  }

  @Test
  void putVersionstamped_inAnAbandonedTransaction_writesNothing() {
    try (Transaction tx = engine.begin()) {
      tx.putVersionstamped(b("log/"), b("never"));
    }
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(stamps(snapshot, "log/")).isEmpty();
    }
  }

  /**
   * Writers commit stamped keys concurrently while a reader takes snapshots: what a snapshot sees is always every
   * stamp up to its highest, so no later commit can fill a gap below what a reader has already seen.
   */
  @Test
  void putVersionstamped_concurrently_snapshotsNeverSeeAGap() throws Exception {
    int writers = 4;
    int commitsPerWriter = contendedCommits(200);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < commitsPerWriter; i++) {
          try (Transaction tx = engine.begin()) {
            tx.putVersionstamped(b("log/"), b(writer + ":" + i));
            tx.commit();
          }
        }
        return null;
      }));
    }
    List<Long> everSeen = new ArrayList<>();
    boolean writing = true;
    while (writing) {
      writing = futures.stream().anyMatch(f -> !f.isDone());
      List<Long> seen;
      try (Snapshot snapshot = engine.snapshot()) {
        seen = stamps(snapshot, "log/");
      }
      assertThat(seen.subList(0, Math.min(seen.size(), everSeen.size()))).isEqualTo(everSeen);
      everSeen = seen;
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(everSeen).hasSize(writers * commitsPerWriter).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void putVersionstamped_afterReopen_stampsAboveEveryEarlierStampWhenDurable() {
    try (Transaction tx = engine.begin()) {
      tx.putVersionstamped(b("log/"), b("before"));
      tx.commit();
    }
    long before;
    try (Snapshot snapshot = engine.snapshot()) {
      before = stamps(snapshot, "log/").get(0);
    }
    engine.close();
    engine = open(directory);
    if (!engine.capabilities().contains(Capability.DURABLE)) {
      try (Snapshot snapshot = engine.snapshot()) {
        assertThat(stamps(snapshot, "log/")).as("an engine that is not durable starts empty").isEmpty();
      }
      return;
    }
    assertThat(engine.nextVersionstamp()).isGreaterThan(before);
    try (Transaction tx = engine.begin()) {
      tx.putVersionstamped(b("log/"), b("after"));
      tx.commit();
    }
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(stamps(snapshot, "log/")).hasSize(2).element(1).satisfies(s -> assertThat(s).isGreaterThan(before));
    }
  }
}
