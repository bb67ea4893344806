package io.shaledb.core.maintenance;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.n;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariants;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.tx.TransactAction;
import io.shaledb.core.op.tx.TransactWriteItems;
import io.shaledb.core.op.tx.TransactWriteItemsInput;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.stream.StreamLog;
import io.shaledb.core.write.WritePipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What background work may and may not touch, on every engine: services work on one keyspace of one live table, a
 * table dropped and created again is a different table, control-plane changes of one table never lose each other,
 * and a dropped table leaves nothing behind. Extend it and say how to open the engine.
 */
public abstract class BackgroundWorkContract {
  @TempDir
  protected Path directory;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private StorageEngine engine;
  private Database db;
  private TestTables tables;

  protected abstract StorageEngine open(Path directory);

  @BeforeEach
  void openDatabase() {
    engine = open(directory);
    db = new Database(engine, clock, "us-east-1");
    tables = new TestTables(db);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    engine.close();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  /** Runs a service's passes until it reports no more work. */
  private static void drain(BackgroundService service) {
    for (int i = 0; i < 100_000 && service.runPass(); i++) {
      Thread.onSpinWait();
    }
  }

  private Map<String, String> contents(int keyspace) {
    try (Snapshot snapshot = engine.snapshot()) {
      return StoreInvariants.contents(snapshot, KeyCodec.keyspaceRange(keyspace));
    }
  }

  /** Everything stored for a table: its items, its indexes' entries and its stream's records, by keyspace. */
  private Map<Integer, Map<String, String>> everything(TableMetadata table) {
    Map<Integer, Map<String, String>> all = new HashMap<>();
    all.put(table.keyspace(), contents(table.keyspace()));
    table.indexes().forEach(index -> all.put(index.keyspace(), contents(index.keyspace())));
    if (table.stream() != null) {
      all.put(table.stream().keyspace(), contents(table.stream().keyspace()));
    }
    return all;
  }

  /**
   * The loss the issue reported: table A's sweep stopped inside A's keyspace; A was dropped and created again (a
   * new keyspace past B's) with TTL on the same attribute; B's items with that attribute in the past were deleted.
   */
  @Test
  void timeToLiveSweep_ofATableDroppedAndCreatedAgain_neverTouchesAnotherTable() {
    tables.create("A", false, false, false);
    tables.enableTimeToLive("A", "exp");
    List<Map<String, AttributeValue>> future = new ArrayList<>();
    for (int i = 0; i < 10_050; i++) {
      future.add(item("a" + i, Map.of("exp", n(now() + 3600))));
    }
    tables.put("A", future);
    TimeToLiveSweeper sweeper = new TimeToLiveSweeper(db);
    sweeper.runPass();

    TableMetadata b = tables.create("B", true, false, true);
    List<Map<String, AttributeValue>> past = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      past.add(item("b" + i, Map.of("exp", n(now() - 60), "g", s("g" + (i % 7)))));
    }
    tables.put("B", past);
    Map<Integer, Map<String, String>> before = everything(b);

    tables.delete("A");
    tables.create("A", false, false, false);
    tables.enableTimeToLive("A", "exp");
    for (int pass = 0; pass < 3; pass++) {
      sweeper.runPass();
    }
    drain(new KeyspaceReclaimer(db));
    sweeper.runPass();

    assertThat(everything(b)).isEqualTo(before);
    StoreInvariants.check(db);
  }

  /**
   * Tables are dropped, created again under the same names, filled, indexed and expired while every background
   * service runs; a bystander table with an index, a local index, a stream and time to live on another attribute
   * must not change at all, and the store must hold nothing that belongs to no live or dropped keyspace.
   */
  @Test
  void dropAndCreateAgain_whileBackgroundServicesRun_changesNoOtherTable() throws Exception {
    long seed = new Random().nextLong();
    System.out.println("dropAndCreateAgain seed " + seed);
    Random random = new Random(seed);
    tables.create("bystander", true, true, true);
    tables.enableTimeToLive("bystander", "ttl");
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Map<String, AttributeValue> item = item("x" + (i % 100), Map.of("rk", s("r" + i), "s", s("s" + (i % 13)),
          "g", s("g" + (i % 17)), "exp", n(now() - 10)));
      items.add(item);
    }
    tables.put("bystander", items);
    TableMetadata bystander = db.catalog().find("bystander").orElseThrow();
    Map<Integer, Map<String, String>> before = everything(bystander);

    MaintenanceServices.start(db, Duration.ofMillis(1));
    List<String> victims = List.of("victim1", "victim2", "victim3");
    long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    for (int round = 0; round < 200 && System.nanoTime() < deadline; round++) {
      String victim = victims.get(random.nextInt(victims.size()));
      if (db.catalog().find(victim).isEmpty()) {
        tables.create(victim, random.nextBoolean(), false, random.nextBoolean());
        tables.enableTimeToLive(victim, "exp");
      }
      switch (random.nextInt(4)) {
        case 0 -> tables.delete(victim);
        case 1 -> {
          List<Map<String, AttributeValue>> load = new ArrayList<>();
          for (int i = random.nextInt(3_000); i > 0; i--) {
            load.add(item("v" + random.nextInt(5_000), Map.of("exp", n(now() + (random.nextBoolean() ? -5 : 5)),
                "g", s("g" + random.nextInt(9)))));
          }
          tables.put(victim, load);
        }
        case 2 -> {
          TableMetadata table = db.catalog().find(victim).orElseThrow();
          if (table.index("online") == null) {
            tables.addGlobalIndex(victim, "online");
          } else {
            tables.deleteGlobalIndex(victim, "online");
          }
        }
        default -> tables.tag(victim, "round", String.valueOf(round));
      }
    }
    db.background().close();
    drain(new IndexBuilder(db));
    new TimeToLiveSweeper(db).runPass();
    drain(new KeyspaceReclaimer(db));

    assertThat(db.catalog().find("bystander")).contains(bystander);
    assertThat(everything(bystander)).as("seed %d", seed).isEqualTo(before);
    StoreInvariants.check(db);
  }

  /** Tags, deletion protection, indexes and time to live changed at once on one table: every change survives. */
  @Test
  void concurrentControlPlaneChanges_onOneTable_loseNoUpdate() throws Exception {
    tables.create("shared", false, false, false);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<?>> done = new ArrayList<>();
    for (String prefix : List.of("a", "b")) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          tables.tag("shared", prefix + i, "v");
        }
        return null;
      }));
    }
    done.add(pool.submit(() -> {
      for (int i = 0; i < 20; i++) {
        tables.setDeletionProtection("shared", i % 2 == 0);
      }
      return null;
    }));
    done.add(pool.submit(() -> {
      tables.addGlobalIndex("shared", "first");
      tables.deleteGlobalIndex("shared", "first");
      tables.addGlobalIndex("shared", "second");
      return null;
    }));
    done.add(pool.submit(() -> {
      tables.enableTimeToLive("shared", "exp");
      List<Map<String, AttributeValue>> load = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        load.add(item("i" + i, Map.of("g", s("g" + i))));
      }
      tables.put("shared", load);
      return null;
    }));
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    drain(new IndexBuilder(db));

    TableMetadata shared = db.catalog().find("shared").orElseThrow();
    assertThat(shared.tags()).hasSize(50);
    assertThat(shared.deletionProtectionEnabled()).isFalse();
    assertThat(shared.indexes()).extracting(IndexMetadata::name).containsExactly("second");
    assertThat(shared.index("second").status()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(shared.timeToLiveAttribute()).isEqualTo("exp");
    assertThat(contents(shared.keyspace())).hasSize(500);
    drain(new KeyspaceReclaimer(db));
    StoreInvariants.check(db);
  }

  /** A build interrupted by a stop resumes where it was when the database opens again (durable engines). */
  @Test
  void indexBuild_interruptedByAStop_resumesWhereItWas() {
    tables.create("big", false, false, false);
    List<Map<String, AttributeValue>> load = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      load.add(item("k" + i, Map.of("g", s("g" + (i % 10)))));
    }
    tables.put("big", load);
    tables.addGlobalIndex("big", "late");
    new IndexBuilder(db).runPass();
    db.close();
    engine.close();
    engine = open(directory);
    db = new Database(engine, clock, "us-east-1");
    if (!engine.capabilities().contains(io.shaledb.core.storage.Capability.DURABLE)) {
      assertThat(db.catalog().list()).isEmpty();
      return;
    }
    TableMetadata table = db.catalog().find("big").orElseThrow();
    assertThat(table.index("late").status()).isEqualTo(IndexStatus.CREATING);
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(SystemKeyspace.progress(table.index("late").keyspace(),
          SystemKeyspace.Task.INDEX_BACKFILL))).as("where the build resumes").isNotNull();
      assertThat(StoreInvariants.contents(snapshot, KeyCodec.keyspaceRange(table.index("late").keyspace())))
          .as("the first batch").hasSize(256);
    }
    drain(new IndexBuilder(db));

    assertThat(db.catalog().find("big").orElseThrow().index("late").status()).isEqualTo(IndexStatus.ACTIVE);
    StoreInvariants.check(db);
  }

  @Test
  void deleteTable_removesEverythingTheTableOwned() {
    tables.create("doomed", true, true, true);
    tables.enableTimeToLive("doomed", "exp");
    List<Map<String, AttributeValue>> load = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      load.add(item("d" + (i % 10), Map.of("rk", s("r" + i), "s", s("s" + i), "g", s("g"), "exp", n(now() + 60))));
    }
    tables.put("doomed", load);
    new TimeToLiveSweeper(db).runPass();
    tables.addGlobalIndex("doomed", "late");
    new IndexBuilder(db).runPass();
    TableMetadata table = db.catalog().find("doomed").orElseThrow();
    List<Integer> keyspaces = new ArrayList<>(List.of(table.keyspace()));
    table.indexes().forEach(index -> keyspaces.add(index.keyspace()));

    tables.delete("doomed");
    drain(new KeyspaceReclaimer(db));

    for (int keyspace : keyspaces) {
      assertThat(contents(keyspace)).as("keyspace %d", keyspace).isEmpty();
      for (KeyRange owned : SystemKeyspace.ownedBy(keyspace)) {
        try (Snapshot snapshot = engine.snapshot()) {
          assertThat(StoreInvariants.contents(snapshot, owned)).as("system keys of keyspace %d", keyspace).isEmpty();
        }
      }
    }
    assertThat(contents(table.stream().keyspace())).as("the stream stays readable for 24 hours").isNotEmpty();
    clock.advance(StreamMaintenance.RETENTION.plusMinutes(1));
    new StreamMaintenance(db).runPass();
    drain(new KeyspaceReclaimer(db));
    assertThat(db.catalog().streams()).isEmpty();
    assertThat(contents(table.stream().keyspace())).isEmpty();
    StoreInvariants.check(db);
  }

  @Test
  void expiredClientRequestTokens_areDeleted() {
    tables.create("ledger", false, false, false);
    TransactWriteItems transact = new TransactWriteItems(db, new WritePipeline(db));
    for (int i = 0; i < 3; i++) {
      transact.execute(new TransactWriteItemsInput(List.of(new TransactAction.Put("ledger",
          item("t" + i, Map.of()), null, null, null, null)), "token-" + i, null, null), Requests.request());
    }
    KeyRange tokens = SystemKeyspace.all(SystemKeyspace.Kind.TOKEN);
    KeyRange expiries = SystemKeyspace.all(SystemKeyspace.Kind.TOKEN_EXPIRY);
    new TokenExpiry(db).runPass();
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(StoreInvariants.contents(snapshot, tokens)).hasSize(3);
    }
    clock.advance(Duration.ofMinutes(11));
    new TokenExpiry(db).runPass();
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(StoreInvariants.contents(snapshot, tokens)).isEmpty();
      assertThat(StoreInvariants.contents(snapshot, expiries)).isEmpty();
    }
  }

  /** Records are numbered by the engine in commit order, whatever order writers staged them in. */
  @Test
  void streamRecords_concurrentWriters_areNumberedInCommitOrderWithoutDuplicates() throws Exception {
    TableMetadata table = tables.create("feed", false, false, true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 100; i++) {
          tables.put("feed", List.of(item("w" + writer + "-" + i, Map.of())));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    List<Long> sequences = new ArrayList<>();
    try (Snapshot snapshot = engine.snapshot()) {
      StoreInvariants.contents(snapshot, StreamLog.range(table.stream().keyspace())).keySet()
          .forEach(hex -> sequences.add(StreamLog.sequenceOf(java.util.HexFormat.of().parseHex(hex))));
    }
    assertThat(sequences).hasSize(400).isSorted().doesNotHaveDuplicates();
  }
}
