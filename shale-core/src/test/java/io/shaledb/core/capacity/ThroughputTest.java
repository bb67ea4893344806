package io.shaledb.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.error.ThrottlingReason;
import io.shaledb.core.maintenance.CatalogRefresh;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The bucket model on a clock the test moves. Messages are DynamoDB's as the API reference lists them
 * (TransactGetItems, CancellationReasons).
 */
class ThroughputTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  private final TestTables tables = new TestTables(db);
  private final Throughput throughput = throughput(db, CapacityMode.ENFORCE, keyspace -> 0);

  /** A throughput over {@code db}'s storage that writes its splits at once. */
  private Throughput throughput(Database on, CapacityMode mode, IntToLongFunction sizeBytes) {
    return new Throughput(mode, clock, name -> ARN + name, sizeBytes,
        PartitionBoundaries.load(on.storage(), on.catalog(), Runnable::run));
  }

  private TableMetadata provisioned(String name, long read, long write) {
    return tables.create(name, false, false, false)
        .withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(read, write), Optional.empty());
  }

  /** Consumes {@code units} a request at a time while the table admits reads; returns how many were admitted. */
  private int readWhileAdmitted(TableMetadata table, double units, int atMost) {
    for (int i = 0; i < atMost; i++) {
      if (throughput.refusal(table, null, Access.READ) != null) {
        return i;
      }
      throughput.consumed(table.name(), null, Access.READ, units);
    }
    return atMost;
  }

  @Test
  void admit_provisionedTableAtItsRate_servesItsUnitsEachSecondThenThrottles() {
    TableMetadata table = provisioned("five", 5, 5);
    for (int second = 0; second < 10; second++) {
      assertThat(readWhileAdmitted(table, 1, 100)).isEqualTo(5);
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void listen_refusals_toldOfEachWithItsTableAccessAndLimit() {
    List<ThrottleListener.Event> events = new ArrayList<>();
    throughput.listen(events::add);
    TableMetadata table = provisioned("five", 5, 5);
    readWhileAdmitted(table, 1, 100);
    throughput.refusal(table, null, Access.READ);

    assertThat(events).containsExactly(
        new ThrottleListener.Event("five", null, Access.READ, Throttles.Limit.PROVISIONED),
        new ThrottleListener.Event("five", null, Access.READ, Throttles.Limit.PROVISIONED));
  }

  @Test
  void listen_twoListeners_eachToldOfEveryRefusal() {
    List<ThrottleListener.Event> first = new ArrayList<>();
    List<ThrottleListener.Event> second = new ArrayList<>();
    throughput.listen(first::add);
    throughput.listen(second::add);
    TableMetadata table = provisioned("five", 5, 5);
    readWhileAdmitted(table, 1, 100);

    assertThat(first).hasSize(1).isEqualTo(second);
  }

  @Test
  void consumption_watchedTable_countsUnitsPerMinuteWhetherOrNotEnforced() {
    Throughput unenforced = throughput(db, CapacityMode.OFF, keyspace -> 0);
    unenforced.consumption().watchAlso("watched");
    unenforced.consumed("watched", null, Access.WRITE, 3);
    unenforced.consumedKey("watched", 7, Access.WRITE, 2);
    unenforced.consumed("other", null, Access.WRITE, 5);
    long minute = clock.millis() / 60_000;

    assertThat(unenforced.consumption().units("watched", null, Access.WRITE, minute)).isEqualTo(5);
    assertThat(unenforced.consumption().units("other", null, Access.WRITE, minute)).isZero();
    clock.advance(Duration.ofMinutes(Consumption.MINUTES));
    assertThat(unenforced.consumption().units("watched", null, Access.WRITE, minute)).as("kept").isEqualTo(5);
    unenforced.consumed("watched", null, Access.WRITE, 1);
    assertThat(unenforced.consumption().units("watched", null, Access.WRITE, minute)).as("overwritten").isZero();
  }

  @Test
  void admit_provisionedTableIdleForLong_burstsUpTo300SecondsOfItsRate() {
    TableMetadata table = provisioned("five", 5, 5);
    readWhileAdmitted(table, 1, 100);
    clock.advance(Duration.ofHours(1));

    assertThat(throughput.available(table, Access.READ)).isEqualTo(1500);
    assertThat(readWhileAdmitted(table, 1, 10_000)).isEqualTo(1500);
  }

  @Test
  void admit_overdrawnByALargeRead_throttlesUntilTheDebtIsRepaid() {
    TableMetadata table = provisioned("five", 5, 5);
    throughput.admit(table, null, Access.READ);
    throughput.consumed(table.name(), null, Access.READ, 25);
    clock.advance(Duration.ofSeconds(3));
    assertThat(throughput.refusal(table, null, Access.READ)).isNotNull();

    clock.advance(Duration.ofMillis(1001));
    throughput.admit(table, null, Access.READ);
  }

  @Test
  void admit_exhaustedProvisionedTable_answersProvisionedThroughputExceeded() {
    TableMetadata table = provisioned("one", 1, 1);
    throughput.consumed(table.name(), null, Access.WRITE, 0);
    throughput.admit(table, null, Access.WRITE);
    throughput.consumed(table.name(), null, Access.WRITE, 1);

    assertThatThrownBy(() -> throughput.admit(table, null, Access.WRITE))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED);
          assertThat(e.getMessage()).isEqualTo("The level of configured provisioned throughput for the table was"
              + " exceeded. Consider increasing your provisioning level with the UpdateTable API.");
          assertThat(e.extra()).isEqualTo(Map.of("ThrottlingReasons",
              List.of(new ThrottlingReason("TableWriteProvisionedThroughputExceeded", ARN + "one"))));
        });
    throughput.admit(table, null, Access.READ);
  }

  @Test
  void admit_writeWhileAGlobalIndexHasNoWriteCapacity_throttlesTheTableWrite() {
    TableMetadata created = tables.create("indexed", true, false, false);
    IndexMetadata index = created.indexes().getFirst();
    IndexMetadata slow = new IndexMetadata(index.name(), index.keyspace(), false, index.keySchema(),
        index.projectionType(), index.nonKeyAttributes(), index.status(), ProvisionedThroughput.of(100, 1),
        index.creationDateTime());
    TableMetadata table = created.withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(100, 100),
        Optional.empty()).withIndexes(List.of(slow));
    throughput.admit(table, null, Access.WRITE);
    throughput.consumed(table.name(), "byG", Access.WRITE, 1);

    assertThatThrownBy(() -> throughput.admit(table, null, Access.WRITE))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.getMessage()).startsWith("The level of configured provisioned throughput for one or more"
              + " global secondary indexes of the table was exceeded.");
          assertThat(e.extra()).isEqualTo(Map.of("ThrottlingReasons", List.of(
              new ThrottlingReason("IndexWriteProvisionedThroughputExceeded", ARN + "indexed/index/byG"))));
        });
  }

  @Test
  void indexKeyRefusal_hotIndexKey_throttlesTheTablesWriteAtTheIndexPartitionsCeiling() {
    TableMetadata created = tables.create("gsi-hot", true, false, false);
    IndexMetadata index = created.indexes().getFirst().withThroughput(ProvisionedThroughput.of(100, 3_000),
        Optional.empty());
    TableMetadata table = created.withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(100, 3_000),
        Optional.empty()).withIndexes(List.of(index));
    int hot = 0x12345678;
    throughput.admit(table, null, Access.WRITE);
    assertThat(throughput.indexKeyRefusal(table, index, hot)).isNull();
    throughput.consumedIndexKey(table.name(), index.name(), hot, 1_000);

    assertThat(throughput.indexKeyRefusal(table, index, hot)).isNotNull().satisfies(e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED);
      assertThat(e.getMessage()).isEqualTo(Throttles.INDEX_PROVISIONED);
      assertThat(e.extra()).isEqualTo(Map.of("ThrottlingReasons", List.of(
          new ThrottlingReason("IndexWriteKeyRangeThroughputExceeded", ARN + "gsi-hot/index/byG"))));
    });
    assertThat(throughput.indexKeyRefusal(table, index, hot ^ 0x80000000)).as("another partition").isNull();
    assertThat(throughput.refusal(table, null, Access.WRITE)).as("the table and index have units").isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throughput.indexKeyRefusal(table, index, hot)).isNull();
  }

  @Test
  void admit_onDemandTableOverItsMaximum_answersThrottlingException() {
    TableMetadata created = tables.create("capped", false, false, false);
    TableMetadata table = created.withOptions(created.options()
        .withOnDemandThroughput(Optional.of(new OnDemandThroughput(OnDemandThroughput.UNBOUNDED, 5))));
    throughput.admit(table, null, Access.WRITE);
    throughput.consumed(table.name(), null, Access.WRITE, 5);

    assertThatThrownBy(() -> throughput.admit(table, null, Access.WRITE))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.THROTTLING);
          assertThat(e.getMessage()).startsWith("Throughput exceeds the current capacity of your table or index.");
          assertThat(e.extra()).isEqualTo(Map.of("throttlingReasons",
              List.of(new ThrottlingReason("TableWriteMaxOnDemandThroughputExceeded", ARN + "capped"))));
        });
    clock.advance(Duration.ofSeconds(1));
    assertThat(readWhileAdmitted(table, 1, 100)).isEqualTo(100);
  }

  @Test
  void available_onDemandTable_servesDoubleItsPreviousPeakAndAdoptsANewPeakAfter30Minutes() {
    TableMetadata table = tables.create("demand", false, false, false);
    assertThat(throughput.available(table, Access.WRITE)).isEqualTo(4_000);
    for (int second = 0; second < 31 * 60; second++) {
      throughput.consumed(table.name(), null, Access.WRITE, 4_000);
      clock.advance(Duration.ofSeconds(1));
      if (second == 60) {
        assertThat(throughput.available(table, Access.WRITE)).isEqualTo(4_000);
      }
    }

    assertThat(throughput.available(table, Access.WRITE)).isEqualTo(8_000);
  }

  /** Writes of one unit to items with these hashes, each admitted before it is charged; how many were admitted. */
  private int writesWhileAdmitted(TableMetadata table, int[] hashes) {
    for (int i = 0; i < hashes.length; i++) {
      try {
        throughput.admitKey(table, hashes[i], Access.WRITE);
      } catch (DynamoException e) {
        assertThat(e.extra()).isEqualTo(Map.of("ThrottlingReasons",
            List.of(new ThrottlingReason("TableWriteKeyRangeThroughputExceeded", ARN + table.name()))));
        return i;
      }
      throughput.consumedKey(table.name(), hashes[i], Access.WRITE, 1);
    }
    return hashes.length;
  }

  @Test
  void admitKey_hotKeyOnAWellProvisionedTable_throttlesAtItsKeyRangesCeiling() {
    TableMetadata table = provisioned("hot", 100, 3_000);
    int[] sameKey = new int[1_500];
    Arrays.fill(sameKey, 0x12345678);

    assertThat(writesWhileAdmitted(table, sameKey)).isEqualTo(1_000);
  }

  @Test
  void admitKey_uniformKeysAtTheSameRate_areNotThrottled() {
    TableMetadata table = provisioned("uniform", 100, 3_000);
    int[] spread = new int[1_500];
    for (int i = 0; i < spread.length; i++) {
      spread[i] = i * 0x9E3779B9;
    }

    assertThat(writesWhileAdmitted(table, spread)).isEqualTo(1_500);
  }

  /**
   * One second of writes of one unit each to items with these hashes, sent in ten steps of 100 ms; how many were
   * admitted (a refused write is dropped, not retried).
   */
  private int writeForOneSecond(TableMetadata table, int[] hashes) {
    return writeForOneSecond(throughput, table, hashes);
  }

  private int writeForOneSecond(Throughput throughput, TableMetadata table, int[] hashes) {
    int admitted = 0;
    for (int step = 0; step < 10; step++) {
      for (int i = step * hashes.length / 10; i < (step + 1) * hashes.length / 10; i++) {
        if (throughput.refusalKey(table, hashes[i], Access.WRITE) == null) {
          throughput.consumedKey(table.name(), hashes[i], Access.WRITE, 1);
          admitted++;
        }
      }
      clock.advance(Duration.ofMillis(100));
    }
    return admitted;
  }

  private static int[] uniformHashes(int count) {
    int[] spread = new int[count];
    for (int i = 0; i < spread.length; i++) {
      spread[i] = i * 0x9E3779B9;
    }
    return spread;
  }

  @Test
  void admitKey_uniformLoadAboveOnePartitionsCeiling_stopsThrottlingOnceThePartitionSplits() {
    TableMetadata table = provisioned("splits", 100, 900);
    assertThat(throughput.partitionCount(table)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(ResourceThroughput.BURST_SECONDS));
    int[] spread = uniformHashes(1_500);
    // The partition's first second of units is spent in the first two seconds; then it serves its ceiling.
    writeForOneSecond(table, spread);
    writeForOneSecond(table, spread);

    assertThat(writeForOneSecond(table, spread)).isLessThan(1_200);
    for (int second = 3; second < Partition.SUSTAINED_SECONDS + 1; second++) {
      writeForOneSecond(table, spread);
    }

    assertThat(throughput.partitionCount(table)).isEqualTo(2);
    assertThat(writeForOneSecond(table, spread)).isEqualTo(1_500);
    assertThat(writeForOneSecond(table, spread)).isEqualTo(1_500);
  }

  @Test
  void partitions_splitForHeat_surviveARestartOfTheDatabase() {
    MemoryEngine engine = new MemoryEngine();
    Database first = new Database(engine, clock, "us-east-1", CapacityMode.ENFORCE);
    TableMetadata table = new TestTables(first).create("kept", false, false, false)
        .withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(100, 900), Optional.empty());
    clock.advance(Duration.ofSeconds(ResourceThroughput.BURST_SECONDS));
    int[] spread = uniformHashes(1_500);
    for (int second = 0; second < Partition.SUSTAINED_SECONDS + 1; second++) {
      writeForOneSecond(first.throughput(), table, spread);
    }
    assertThat(first.throughput().partitionCount(table)).isEqualTo(2);
    first.close();

    try (Database second = new Database(engine, clock, "us-east-1", CapacityMode.ENFORCE)) {
      assertThat(second.throughput().partitionCount(table)).isEqualTo(2);
      assertThat(writeForOneSecond(second.throughput(), table, spread)).isEqualTo(1_500);
    }
  }

  @Test
  void adoptStoredSplits_splitMadeByAnotherServerSharingTheStorage_isSeenWithoutARestart() {
    MemoryEngine engine = new MemoryEngine();
    Database splitting = new Database(engine, clock, "us-east-1", CapacityMode.ENFORCE);
    try (Database other = new Database(engine, clock, "us-east-1", CapacityMode.ENFORCE)) {
      TableMetadata table = new TestTables(splitting).create("shared", false, false, false)
          .withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(100, 900), Optional.empty());
      assertThat(other.throughput().partitionCount(table)).isEqualTo(1);
      clock.advance(Duration.ofSeconds(ResourceThroughput.BURST_SECONDS));
      int[] spread = uniformHashes(1_500);
      for (int second = 0; second < Partition.SUSTAINED_SECONDS + 1; second++) {
        writeForOneSecond(splitting.throughput(), table, spread);
      }
      assertThat(splitting.throughput().partitionCount(table)).isEqualTo(2);
      splitting.close(); // which waits for its split to be written

      assertThat(other.throughput().partitionCount(table)).as("before the refresh").isEqualTo(1);
      new CatalogRefresh(other).runPass();

      assertThat(other.throughput().partitionCount(table)).isEqualTo(2);
      assertThat(writeForOneSecond(other.throughput(), table, spread)).isEqualTo(1_500);
    }
  }

  @Test
  void partitions_ofATableDroppedBeforeItsSplitIsWritten_leaveNothingStored() {
    TableMetadata table = provisioned("dropped", 6_000, 2_500);
    List<Runnable> pending = new ArrayList<>();
    Throughput deferred = new Throughput(CapacityMode.ENFORCE, clock, name -> ARN + name, keyspace -> 0,
        PartitionBoundaries.load(db.storage(), db.catalog(), pending::add));
    assertThat(deferred.partitionCount(table)).isEqualTo(5);
    tables.delete("dropped");
    pending.forEach(Runnable::run);

    try (Snapshot snapshot = db.storage().snapshot()) {
      assertThat(snapshot.get(SystemKeyspace.partitions(table.keyspace()))).isNull();
    }
  }

  @Test
  void admitKey_oneHotKeySustained_neverSplitsAndKeepsThrottling() {
    TableMetadata table = provisioned("hot-sustained", 100, 3_000);
    int partitions = throughput.partitionCount(table);
    int[] sameKey = new int[1_500];
    Arrays.fill(sameKey, 0x12345678);

    writeForOneSecond(table, sameKey);
    writeForOneSecond(table, sameKey);
    for (int second = 2; second < 2 * Partition.SUSTAINED_SECONDS; second++) {
      assertThat(writeForOneSecond(table, sameKey)).isLessThan(1_200);
    }

    assertThat(throughput.partitionCount(table)).isEqualTo(partitions);
  }

  @Test
  void partitionCount_provisionedThroughputAndSize_followTheirNeedsAndNeverShrink() {
    Throughput sized = throughput(db, CapacityMode.ENFORCE, keyspace -> 25 * Partitions.BYTES_PER_PARTITION / 10);
    TableMetadata table = provisioned("sized", 6_000, 2_500);

    assertThat(throughput.partitionCount(table)).isEqualTo(5);
    assertThat(sized.partitionCount(tables.create("large", false, false, false)
        .withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(1, 1), Optional.empty()))).isEqualTo(3);
    clock.advance(Duration.ofSeconds(1));
    assertThat(throughput.partitionCount(table.withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(1, 1),
        Optional.empty()))).isEqualTo(5);
    assertThat(throughput.partitionCount(provisioned("absurd", 1_000_000_000_000L, 1_000_000_000_000L)))
        .isEqualTo(Partitions.MOST_FOR_NEED);
  }

  @Test
  void batch_itemsOfAnExhaustedPartition_areLeftEachAsOneThrottleEvent() {
    List<ThrottleListener.Event> events = new ArrayList<>();
    throughput.listen(events::add);
    TableMetadata table = provisioned("batched", 100, 3_000);
    int hot = 0x12345678;
    throughput.admitKey(table, hot, Access.WRITE);
    throughput.consumedKey(table.name(), hot, Access.WRITE, 1_000);
    BatchAdmission batch = new BatchAdmission(throughput, table, Access.WRITE);

    assertThat(batch.admits(hot)).isFalse();
    assertThat(batch.admits(hot)).isFalse();
    assertThat(batch.admits(hot ^ 0x80000000)).isTrue();
    assertThat(batch.refusal()).hasMessage(Throttles.TABLE_PROVISIONED);
    assertThat(events).containsExactly(
        new ThrottleListener.Event("batched", null, Access.WRITE, Throttles.Limit.KEY_RANGE),
        new ThrottleListener.Event("batched", null, Access.WRITE, Throttles.Limit.KEY_RANGE));
  }

  @Test
  void admit_tableTaggedOff_isNeverThrottled() {
    TableMetadata table = provisioned("free", 1, 1).withTags(Map.of(CapacityMode.TAG, "off"));
    throughput.consumed(table.name(), null, Access.READ, 1_000);

    throughput.admit(table, null, Access.READ);
    assertThat(throughput.available(table, Access.READ)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void forTable_serverOffAndTableTaggedEnforce_isEnforced() {
    assertThat(CapacityMode.OFF.forTable(Map.of(CapacityMode.TAG, "enforce"))).isEqualTo(CapacityMode.ENFORCE);
    assertThat(CapacityMode.OFF.forTable(Map.of())).isEqualTo(CapacityMode.OFF);
    assertThat(CapacityMode.ENFORCE.forTable(Map.of(CapacityMode.TAG, "anything"))).isEqualTo(CapacityMode.ENFORCE);
  }

  @Test
  void admit_tableDroppedAndCreatedAgain_startsWithFreshBuckets() {
    TableMetadata first = provisioned("again", 1, 1);
    throughput.consumed(first.name(), null, Access.READ, 0);
    throughput.admit(first, null, Access.READ);
    throughput.consumed(first.name(), null, Access.READ, 100);
    tables.delete("again");
    TableMetadata second = provisioned("again", 1, 1);

    throughput.admit(second, null, Access.READ);
  }

  /** {@code created} provisioned with {@code read} and {@code write} units, as is each of its global indexes. */
  private static TableMetadata provisionedWithIndexes(TableMetadata created, long read, long write) {
    return created.withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(read, write), Optional.empty())
        .withIndexes(created.indexes().stream()
            .map(index -> index.withThroughput(ProvisionedThroughput.of(read, write), Optional.empty())).toList());
  }

  /** One read unit a 4 KB, to keep the figures plain. */
  private static double units(long bytes) {
    return bytes / 4096.0;
  }

  /** A page of {@code table} (or its {@code index}) that reads one item of {@code units} read units at {@code hash}. */
  private void readOnePage(TableMetadata table, IndexMetadata index, int hash, long units) {
    PageReads page = throughput.admitPage(table, index, hash, ThroughputTest::units);
    assertThat(page).isNotNull();
    page.read(hash, units * 4096L);
    page.charge();
  }

  private static ThrottlingReason reason(DynamoException e) {
    @SuppressWarnings("unchecked")
    List<ThrottlingReason> reasons = (List<ThrottlingReason>) e.extra().get("ThrottlingReasons");
    return reasons.getFirst();
  }

  @Test
  void admitPage_hotGlobalIndexPartition_throttlesItsPagesWhileTheIndexsOtherPartitionsServe() {
    TableMetadata table = provisionedWithIndexes(tables.create("gsi-read", true, false, false), 9_000, 100);
    IndexMetadata index = table.indexes().getFirst();
    int hot = 0x12345678;
    readOnePage(table, index, hot, 3_000);

    assertThatThrownBy(() -> throughput.admitPage(table, index, hot, ThroughputTest::units))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(Throttles.INDEX_PROVISIONED);
          assertThat(reason(e)).isEqualTo(
              new ThrottlingReason("IndexReadKeyRangeThroughputExceeded", ARN + "gsi-read/index/byG"));
        });
    assertThat(throughput.admitPage(table, index, hot ^ 0x80000000, ThroughputTest::units)).as("another partition")
        .isNotNull();
    assertThat(throughput.admitPage(table, null, hot, ThroughputTest::units)).as("the table's own partition")
        .isNotNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throughput.admitPage(table, index, hot, ThroughputTest::units)).isNotNull();
  }

  @Test
  void admitPage_scanAcrossIndexPartitions_chargesEachPartitionWhatThePageReadThere() {
    // 9,000 read and 100 write units make four index partitions, each a quarter of the hashes.
    TableMetadata table = provisionedWithIndexes(tables.create("gsi-scan", true, false, false), 9_000, 100);
    IndexMetadata index = table.indexes().getFirst();
    PageReads page = throughput.admitPage(table, index, 0, ThroughputTest::units);
    assertThat(page).isNotNull();
    page.read(0x10000000, 1_000 * 4096L);
    page.read(0x50000000, 1_500 * 4096L);
    page.read(0x60000000, 1_500 * 4096L);
    page.read(0x90000000, 100 * 4096L);
    page.charge();

    assertThat(throughput.admitPage(table, index, 0x20000000, ThroughputTest::units)).as("2,000 left").isNotNull();
    assertThatThrownBy(() -> throughput.admitPage(table, index, 0x40000000, ThroughputTest::units))
        .as("all 3,000 spent").isInstanceOf(DynamoException.class);
    assertThat(throughput.admitPage(table, index, 0xA0000000, ThroughputTest::units)).as("2,900 left").isNotNull();
  }

  @Test
  void admitPage_localIndex_isAdmittedAndChargedByItsTablesPartitions() {
    TableMetadata table = provisionedWithIndexes(tables.create("lsi-read", false, true, false), 9_000, 100);
    IndexMetadata local = table.indexes().getFirst();
    int hot = 0x12345678;
    readOnePage(table, local, hot, 3_000);

    assertThatThrownBy(() -> throughput.admitPage(table, null, hot, ThroughputTest::units))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(reason(e))
            .isEqualTo(new ThrottlingReason("TableReadKeyRangeThroughputExceeded", ARN + "lsi-read")));
  }

  @Test
  void batch_putsWhoseGlobalIndexEntryLandsOnASpentIndexPartition_areLeftEachAsOneIndexThrottleEvent() {
    List<ThrottleListener.Event> events = new ArrayList<>();
    throughput.listen(events::add);
    TableMetadata table = provisionedWithIndexes(tables.create("gsi-batch", true, false, false), 100, 3_000);
    IndexMetadata index = table.indexes().getFirst();
    int hot = 0x12345678;
    int cold = hot ^ 0x80000000;
    assertThat(throughput.indexKeyRefusal(table, index, hot)).isNull();
    throughput.consumedIndexKey(table.name(), index.name(), hot, 1_000);
    BatchAdmission batch = new BatchAdmission(throughput, table, Access.WRITE);

    assertThat(batch.admits(1, List.of(new GlobalIndexEntry(index, hot, 1)))).isFalse();
    List<GlobalIndexEntry> large = List.of(new GlobalIndexEntry(index, cold, 999));
    assertThat(batch.admits(2, large)).isTrue();
    batch.spend(2, 1, large);
    List<GlobalIndexEntry> small = List.of(new GlobalIndexEntry(index, cold, 1));
    assertThat(batch.admits(3, small)).as("one unit left").isTrue();
    batch.spend(3, 1, small);
    assertThat(batch.admits(4, small)).as("its partition's budget spent by the batch").isFalse();
    assertThat(batch.admits(5, List.of())).as("an item without index entries").isTrue();

    assertThat(batch.refusal()).isNotNull().satisfies(e -> {
      assertThat(e.getMessage()).isEqualTo(Throttles.INDEX_PROVISIONED);
      assertThat(reason(e)).isEqualTo(
          new ThrottlingReason("IndexWriteKeyRangeThroughputExceeded", ARN + "gsi-batch/index/byG"));
    });
    assertThat(events).containsExactly(
        new ThrottleListener.Event("gsi-batch", "byG", Access.WRITE, Throttles.Limit.KEY_RANGE),
        new ThrottleListener.Event("gsi-batch", "byG", Access.WRITE, Throttles.Limit.KEY_RANGE));
  }

  @Test
  void admit_globalIndexDeletedAndCreatedAgainUnderItsName_startsWithFreshBucketsAndPartitions() {
    tables.create("gsi-again", true, false, false);
    TableMetadata first = provisionedWithIndexes(db.catalog().find("gsi-again").orElseThrow(), 100, 1);
    int hot = 0x12345678;
    throughput.admit(first, null, Access.WRITE);
    assertThat(throughput.indexKeyRefusal(first, first.indexes().getFirst(), hot)).isNull();
    throughput.consumedIndexKey(first.name(), "byG", hot, 1_000);
    assertThat(throughput.refusal(first, null, Access.WRITE)).as("the index's bucket is spent").isNotNull();
    assertThat(throughput.indexKeyRefusal(first, first.indexes().getFirst(), hot)).as("and its partition")
        .isNotNull();

    tables.deleteGlobalIndex("gsi-again", "byG");
    tables.addGlobalIndex("gsi-again", "byG");
    TableMetadata second = provisionedWithIndexes(db.catalog().find("gsi-again").orElseThrow(), 100, 1);
    IndexMetadata again = second.indexes().getFirst();
    assertThat(again.keyspace()).isNotEqualTo(first.indexes().getFirst().keyspace());

    assertThat(throughput.refusal(second, null, Access.WRITE)).isNull();
    assertThat(throughput.indexKeyRefusal(second, again, hot)).isNull();
  }
}
