package io.shaledb.core.maintenance;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.catalog.ReplicaWatermark;
import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.consensus.ItemValue;
import io.shaledb.core.consensus.PaxosCodec;
import io.shaledb.core.consensus.PaxosRequest;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosTransport;
import io.shaledb.core.consensus.Proposer;
import io.shaledb.core.consensus.RegionConsensus;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.replication.ApplyReplicatedChanges;
import io.shaledb.core.op.replication.ApplyReplicatedChangesInput;
import io.shaledb.core.op.table.AddReplicaRegion;
import io.shaledb.core.op.table.CreateReplicaTable;
import io.shaledb.core.op.table.CreateTableWitness;
import io.shaledb.core.op.table.DeleteReplicaTable;
import io.shaledb.core.op.table.DeleteTable;
import io.shaledb.core.op.table.DeleteTableWitness;
import io.shaledb.core.op.table.DescribeTable;
import io.shaledb.core.op.table.InspectTable;
import io.shaledb.core.op.table.JoinGlobalTable;
import io.shaledb.core.op.table.LeaveGlobalTable;
import io.shaledb.core.op.table.ReplicaSettingsInput;
import io.shaledb.core.op.table.ReplicaTableInput;
import io.shaledb.core.op.table.TableDescription;
import io.shaledb.core.op.table.UpdateReplicaSettings;
import io.shaledb.core.op.table.UpdateReplicaTable;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.op.table.UpdateTableInput.WitnessUpdate;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.PeerTable;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.ReplicaGoneException;
import io.shaledb.core.replication.ReplicaSettingsUpdate;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.replication.SharedSettings;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.schema.WitnessStatus;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.stream.StreamLog;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two or three regions, each a database on its own memory engine, linked by calling each other's replication operations
 * directly (no network), with the replicators' passes run by the test: backfill and hand-over to the stream, last
 * writer wins, idempotent application and replicas deleted in either region.
 */
class ReplicatorTest {
  private static final String EAST = "us-east-1";
  private static final String WEST = "eu-west-1";
  private static final Instant START = Instant.parse("2026-12-05T06:00:00Z");

  private static final String SOUTH = "ap-south-1";

  private final MutableClock eastClock = new MutableClock(START);
  private final MutableClock westClock = new MutableClock(START);
  private final MutableClock southClock = new MutableClock(START);
  private final DirectLink toWest = new DirectLink();
  private final DirectLink toEast = new DirectLink();
  private final DirectLink toSouth = new DirectLink();
  private final Database east = new Database(new MemoryEngine(), eastClock, EAST, CapacityMode.OFF,
      new Peers(Map.of(WEST, toWest, SOUTH, toSouth)));
  private final Database west = new Database(new MemoryEngine(), westClock, WEST, CapacityMode.OFF,
      new Peers(Map.of(EAST, toEast, SOUTH, toSouth)));
  private final Database south = new Database(new MemoryEngine(), southClock, SOUTH, CapacityMode.OFF,
      new Peers(Map.of(EAST, toEast, WEST, toWest)));
  private final TestTables eastTables = new TestTables(east);
  private final TestTables westTables = new TestTables(west);
  private final TestTables southTables = new TestTables(south);
  private final Replicator eastReplicator = new Replicator(east, Duration.ZERO);
  private final Replicator westReplicator = new Replicator(west, Duration.ZERO);
  private final Replicator southReplicator = new Replicator(south, Duration.ZERO);

  ReplicatorTest() {
    toWest.target = west;
    toEast.target = east;
    toSouth.target = south;
    toWest.consensus = new RegionConsensus(west);
    toEast.consensus = new RegionConsensus(east);
    toSouth.consensus = new RegionConsensus(south);
  }

  @AfterEach
  void close() {
    east.close();
    west.close();
    south.close();
  }

  @Test
  void runPass_replicaOfATableWithItemsWrittenDuringTheBackfill_peerEndsWithTheSameItems() {
    eastTables.create("orders", true, false, false);
    eastTables.put("orders", items(0, 1_200, "before"));
    createReplica();
    eastReplicator.runPass();
    eastTables.put("orders", items(1_000, 1_300, "during"));
    deleteItem(east, eastClock, "00005");

    runUntilIdle();

    assertThat(replica(east).status()).isEqualTo(ReplicaStatus.ACTIVE);
    assertThat(sorted(westTables.scan("orders"))).isEqualTo(sorted(eastTables.scan("orders"))).hasSize(1_299);
    assertThat(replica(west)).isEqualTo(new Replica(EAST, ReplicaStatus.ACTIVE));
  }

  @Test
  void deleteTable_whileAReplicaIsFilled_refusedInBothRegionsUntilItIsActive() {
    eastTables.create("orders", false, false, false);
    eastTables.put("orders", items(0, 1_200, "before"));
    createReplica();
    eastReplicator.runPass();

    assertThat(describe(west).status()).isEqualTo(TableStatus.CREATING);
    assertThatThrownBy(() -> Requests.run(new DeleteTable(east), "orders")).isInstanceOfSatisfying(
        DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
          assertThat(e.getMessage()).isEqualTo("Replica cannot be deleted because it has acted as a source region"
              + " for new replica(s) being added to the table in the last 24 hours.");
        });
    assertThatThrownBy(() -> Requests.run(new UpdateTable(east), replicaUpdate(ReplicaUpdate.Action.DELETE, WEST)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE);
          assertThat(e.getMessage()).isEqualTo("The resource which you are attempting to change is in use.");
        });
    assertThatThrownBy(() -> Requests.run(new DeleteTable(west), "orders")).isInstanceOfSatisfying(
        DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE);
          assertThat(e.getMessage()).isEqualTo(
              "Attempt to change a resource which is still in use: Table is being created: orders");
        });

    runUntilIdle();
    Requests.run(new DeleteTable(west), "orders");
    runUntilIdle();

    assertThat(replicas(east)).isEmpty();
  }

  @Test
  void runPass_replicaOfATableWithItems_creatingWithProgressUntilTheBackfillEndsThenActiveInBoth() {
    eastTables.create("orders", false, false, false);
    eastTables.put("orders", items(0, 2_000, "before"));
    createReplica();
    eastReplicator.runPass();

    assertThat(describe(west).status()).isEqualTo(TableStatus.CREATING);
    assertThatThrownBy(() -> westTables.scan("orders")).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    List<Integer> progress = new ArrayList<>();
    while (replica(east).status() == ReplicaStatus.CREATING) {
      progress.add(describe(east).replicaPercentProgress().getOrDefault(WEST, -1));
      eastReplicator.runPass();
      assertThat(progress).as("bounded: one batch a pass").hasSizeLessThan(20);
    }

    assertThat(progress).isSorted().first().isEqualTo(0);
    assertThat(progress).anySatisfy(p -> assertThat(p).isBetween(1, 99));
    assertThat(describe(west).status()).isEqualTo(TableStatus.ACTIVE);
    assertThat(describe(east).replicaPercentProgress()).isEmpty();
    assertThat(westTables.scan("orders")).hasSize(2_000);
  }

  @Test
  void runPass_sameItemWrittenInBothRegions_theLaterStampWinsInBoth() {
    replicatedTable();
    westClock.advance(Duration.ofMillis(5));
    putItem(west, westClock, "a", "west");
    putItem(east, eastClock, "a", "east");

    runUntilIdle();

    assertThat(westTables.scan("orders")).containsExactly(item("a", Map.of("v", s("west"))));
    assertThat(eastTables.scan("orders")).containsExactly(item("a", Map.of("v", s("west"))));
  }

  @Test
  void runPass_sameItemWrittenInBothRegionsInTheSameMillisecond_theGreaterRegionNameWins() {
    replicatedTable();
    putItem(east, eastClock, "a", "east");
    putItem(west, westClock, "a", "west");

    runUntilIdle();

    assertThat(eastTables.scan("orders")).containsExactly(item("a", Map.of("v", s("east"))));
    assertThat(westTables.scan("orders")).containsExactly(item("a", Map.of("v", s("east"))));
  }

  @Test
  void applyReplicatedChanges_sameChangeTwiceAndAnOlderOne_appliesOnlyTheFirst() {
    replicatedTable();
    ApplyReplicatedChanges apply = new ApplyReplicatedChanges(west, new WritePipeline(west));
    ReplicatedChange change = new ReplicatedChange(Map.of("id", s("a")), item("a", Map.of("v", s("1"))),
        new ReplicationStamp(START.toEpochMilli() + 10, EAST), false);
    ReplicatedChange older = new ReplicatedChange(Map.of("id", s("a")), null,
        new ReplicationStamp(START.toEpochMilli() + 9, EAST), false);

    int first = Requests.run(apply, new ApplyReplicatedChangesInput("orders", EAST, List.of(change), false));
    int again = Requests.run(apply, new ApplyReplicatedChangesInput("orders", EAST, List.of(change, older), false));

    assertThat(first).isEqualTo(1);
    assertThat(again).isZero();
    assertThat(westTables.scan("orders")).containsExactly(item("a", Map.of("v", s("1"))));
  }

  @Test
  void applyReplicatedChanges_watermarksReported_keepsTheLatestUntilTheReplicaIsRemoved() {
    replicatedTable();
    ApplyReplicatedChanges apply = new ApplyReplicatedChanges(west, new WritePipeline(west));
    int keyspace = west.catalog().find("orders").orElseThrow().keyspace();
    long later = START.toEpochMilli() + 60_000;

    Requests.run(apply, new ApplyReplicatedChangesInput("orders", EAST, List.of(), false, later));
    Requests.run(apply, new ApplyReplicatedChangesInput("orders", EAST, List.of(), false, later - 1));
    Requests.run(apply, new ApplyReplicatedChangesInput("orders", EAST, List.of(), false, null));

    assertThat(watermark(west, keyspace, EAST)).hasValue(later);
    Requests.run(new UpdateTable(west), replicaUpdate(ReplicaUpdate.Action.DELETE, EAST));
    runUntilIdle();
    assertThat(watermark(west, keyspace, EAST)).isEmpty();
  }

  @Test
  void runPass_deleteInOneRegionAfterAnOlderWriteInTheOther_deleteWinsInBoth() {
    replicatedTable();
    putItem(west, westClock, "a", "west");
    eastClock.advance(Duration.ofMillis(5));
    putItem(east, eastClock, "a", "east");
    deleteItem(east, eastClock, "a");

    runUntilIdle();

    assertThat(eastTables.scan("orders")).isEmpty();
    assertThat(westTables.scan("orders")).isEmpty();
  }

  @Test
  void reclaim_tombstoneOlderThanTheHorizonAndEveryRegionsWatermark_goesInBothRegionsAndTheItemStaysDeleted() {
    replicatedTable();
    putItem(east, eastClock, "a", "east");
    deleteItem(east, eastClock, "a");
    runUntilIdle();
    reclaimTombstones();
    assertThat(stamp(east, "a")).as("within the horizon").isNotNull();
    assertThat(stamp(west, "a")).as("within the horizon").isNotNull();

    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    runUntilIdle();
    reclaimTombstones();

    assertThat(stamp(east, "a")).isNull();
    assertThat(stamp(west, "a")).isNull();
    assertThat(eastTables.scan("orders")).isEmpty();
    assertThat(westTables.scan("orders")).isEmpty();
  }

  @Test
  void reclaim_tableOfStrongConsistency_keepsItsTombstonesPastTheHorizon() {
    replicatedTable();
    putItem(east, eastClock, "a", "east");
    deleteItem(east, eastClock, "a");
    runUntilIdle();
    makeStrong(east, west);

    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    runUntilIdle();
    reclaimTombstones();

    assertThat(stamp(east, "a")).isNotNull();
    assertThat(stamp(west, "a")).isNotNull();
  }

  @Test
  void reclaim_regionThatHasNotSentAnOlderChangeOfTheDeletedItem_tombstoneStaysUntilItArrivedAndRefusesIt() {
    replicatedTable();
    putItem(east, eastClock, "a", "east");
    runUntilIdle();
    westClock.advance(Duration.ofMillis(1));
    putItem(west, westClock, "a", "west");
    eastClock.advance(Duration.ofMillis(5));
    deleteItem(east, eastClock, "a");
    ReplicationStamp tombstone = stamp(east, "a");
    // The west lags: the east's deletion reaches it, its own older write has not left yet.
    eastReplicator.runPass();
    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    eastReplicator.runPass();
    reclaimTombstones();
    assertThat(stamp(east, "a")).as("the west may still send an older change").isEqualTo(tombstone);

    runUntilIdle();

    assertThat(eastTables.scan("orders")).as("the west's older write refused").isEmpty();
    assertThat(westTables.scan("orders")).isEmpty();
    runUntilIdle();
    reclaimTombstones();
    assertThat(stamp(east, "a")).isNull();
    assertThat(stamp(west, "a")).isNull();
  }

  @Test
  void apply_changeOlderThanAReclaimedTombstoneReplayed_isRefused() {
    replicatedTable();
    putItem(west, westClock, "a", "west");
    runUntilIdle();
    ReplicationStamp written = stamp(west, "a");
    eastClock.advance(Duration.ofMillis(5));
    deleteItem(east, eastClock, "a");
    runUntilIdle();
    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    runUntilIdle();
    reclaimTombstones();
    assertThat(stamp(east, "a")).as("reclaimed").isNull();

    // The west's call that carried its write, arriving again (a duplicate delayed past the horizon).
    toEast.apply("orders", WEST, List.of(new ReplicatedChange(Map.of("id", s("a")),
        item("a", Map.of("v", s("west"))), written, false)), OptionalLong.empty());

    assertThat(eastTables.scan("orders")).isEmpty();
    assertThat(stamp(east, "a")).isNull();
  }

  @Test
  void apply_tableOfStrongConsistency_changeOfAnUnstampedKeyOlderThanItsRegionsWatermark_isApplied() {
    replicatedTable();
    makeStrong(east, west);
    ReplicationStamp old = new ReplicationStamp(START.toEpochMilli() + 1, WEST);
    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    toEast.apply("orders", WEST, List.of(), OptionalLong.of(westClock.millis()));

    // A value chosen long ago that this region missed, arriving now (its writer region was down meanwhile): such a
    // table reclaims no tombstone, so a key without a stamp never had one and the change is new here.
    toEast.apply("orders", WEST, List.of(new ReplicatedChange(Map.of("id", s("a")),
        item("a", Map.of("v", s("chosen"))), old, false)), OptionalLong.empty());

    assertThat(eventualGet(east, "a")).isEqualTo(item("a", Map.of("v", s("chosen"))));
    assertThat(stamp(east, "a")).isEqualTo(old);
  }

  @Test
  void runPass_peerDownThenBack_catchesUpWithNothingLost() {
    replicatedTable();
    toWest.down = true;
    eastTables.put("orders", items(0, 50, "x"));
    eastReplicator.runPass();
    assertThat(westTables.scan("orders")).isEmpty();

    toWest.down = false;
    runUntilIdle();

    assertThat(sorted(westTables.scan("orders"))).isEqualTo(sorted(eastTables.scan("orders"))).hasSize(50);
  }

  @Test
  void runPass_changesWaitingForADownPeer_countedPendingThenDeliveredWithTheirLatency() {
    replicatedTable();
    List<String> delivered = new ArrayList<>();
    east.listenReplication((table, region, millis) -> delivered.add(table + " " + region + " " + millis));
    toWest.down = true;
    for (String id : List.of("a", "b", "c", "d", "e")) {
      putItem(east, eastClock, id, "x");
    }
    eastReplicator.runPass();
    TableMetadata table = east.catalog().find("orders").orElseThrow();
    assertThat(Replicator.pending(east, table, WEST)).isEqualTo(5);

    eastClock.advance(Duration.ofMillis(7));
    toWest.down = false;
    runUntilIdle();

    assertThat(Replicator.pending(east, table, WEST)).isZero();
    assertThat(delivered).containsExactly("orders eu-west-1 7", "orders eu-west-1 7", "orders eu-west-1 7",
        "orders eu-west-1 7", "orders eu-west-1 7");
  }

  @Test
  void runPass_replicaUpdatesDelete_deletesThePeersTableAndForgetsTheReplica() {
    replicatedTable();

    Requests.run(new UpdateTable(east), replicaUpdate(ReplicaUpdate.Action.DELETE, WEST));
    runUntilIdle();

    assertThat(west.catalog().find("orders")).isEmpty();
    assertThat(east.catalog().find("orders").orElseThrow().options().replication().orElseThrow().replicas()).isEmpty();
  }

  @Test
  void runPass_replicaDeletedInItsRegion_theOtherRegionForgetsIt() {
    replicatedTable();

    westTables.delete("orders");
    runUntilIdle();

    assertThat(east.catalog().find("orders").orElseThrow().options().replication().orElseThrow().replicas()).isEmpty();
  }

  @Test
  void scan_replicatedTable_itemsCarryNoBookkeeping() {
    replicatedTable();
    eastTables.put("orders", List.of(item("a", Map.of("v", s("1")))));

    runUntilIdle();

    assertThat(westTables.scan("orders")).containsExactly(item("a", Map.of("v", s("1"))));
  }

  @Test
  void runPass_thirdRegionAddedWhileTheOthersWrite_allThreeEndWithTheSameItems() {
    replicatedTable();
    eastTables.put("orders", items(0, 300, "east"));
    westTables.put("orders", items(200, 500, "west"));
    runUntilIdle();

    createReplica(SOUTH);
    eastReplicator.runPass();
    westTables.put("orders", items(450, 600, "west-during"));
    deleteItem(west, westClock, "00010");
    runUntilIdle();
    putItem(south, southClock, "from-south", "south");
    deleteItem(south, southClock, "00020");
    runUntilIdle();

    assertThat(sorted(westTables.scan("orders"))).isEqualTo(sorted(eastTables.scan("orders"))).hasSize(599);
    assertThat(sorted(southTables.scan("orders"))).isEqualTo(sorted(eastTables.scan("orders")));
    assertThat(replicas(east)).containsExactly(new Replica(WEST, ReplicaStatus.ACTIVE),
        new Replica(SOUTH, ReplicaStatus.ACTIVE));
    assertThat(replicas(west)).containsExactly(new Replica(EAST, ReplicaStatus.ACTIVE),
        new Replica(SOUTH, ReplicaStatus.ACTIVE));
    assertThat(replicas(south)).containsExactly(new Replica(EAST, ReplicaStatus.ACTIVE),
        new Replica(WEST, ReplicaStatus.ACTIVE));
  }

  @Test
  void runPass_deletionReachesTheCopyingRegionAfterItsBackfillSentTheItem_thirdRegionDeletesItToo() {
    replicatedTable();
    putItem(west, westClock, "a", "west");
    runUntilIdle();
    toEast.down = true;
    deleteItem(west, westClock, "a");
    westReplicator.runPass();

    createReplica(SOUTH);
    for (int pass = 0; pass < 10; pass++) {
      eastReplicator.runPass();
    }
    assertThat(southTables.scan("orders")).containsExactly(item("a", Map.of("v", s("west"))));
    toEast.down = false;
    runUntilIdle();

    assertThat(southTables.scan("orders")).isEmpty();
    assertThat(eastTables.scan("orders")).isEmpty();
  }

  @Test
  void runPass_sameItemsWrittenInThreeRegions_allConvergeOnTheLatest() {
    replicatedTable();
    createReplica(SOUTH);
    runUntilIdle();
    for (int round = 0; round < 5; round++) {
      westClock.advance(Duration.ofMillis(3));
      southClock.advance(Duration.ofMillis(2));
      eastClock.advance(Duration.ofMillis(1));
      putItem(east, eastClock, "a", "east-" + round);
      putItem(west, westClock, "a", "west-" + round);
      putItem(south, southClock, "a", "south-" + round);
      putItem(south, southClock, "b", "south-" + round);
      deleteItem(south, southClock, "b");
      putItem(east, eastClock, "b", "east-" + round);
    }

    runUntilIdle();

    assertThat(eastTables.scan("orders")).containsExactly(item("a", Map.of("v", s("west-4"))));
    assertThat(westTables.scan("orders")).isEqualTo(eastTables.scan("orders"));
    assertThat(southTables.scan("orders")).isEqualTo(eastTables.scan("orders"));
  }

  @Test
  void runPass_replicaOfATableWithOnDemandMaximums_keepsTheTablesAndEachGlobalIndexs() {
    eastTables.create("orders", true, false, false);
    OnDemandThroughput tableMax = new OnDemandThroughput(100, 50);
    OnDemandThroughput indexMax = new OnDemandThroughput(7, OnDemandThroughput.UNBOUNDED);
    east.catalog().change(change -> {
      TableMetadata table = change.table("orders").orElseThrow();
      change.putTable(table.withOptions(table.options().withOnDemandThroughput(Optional.of(tableMax)))
          .withIndexes(table.indexes().stream()
              .map(index -> index.withThroughput(index.provisionedThroughput(), Optional.of(indexMax))).toList()));
      return null;
    });

    createReplica();
    runUntilIdle();

    // The API reference (OnDemandThroughputOverride): a replica "uses the source table's on-demand throughput
    // settings" unless overridden.
    TableMetadata replica = west.catalog().find("orders").orElseThrow();
    assertThat(replica.options().onDemandThroughput()).contains(tableMax);
    assertThat(replica.indexes()).singleElement()
        .satisfies(index -> assertThat(index.onDemandThroughput()).contains(indexMax));
  }

  @Test
  void runPass_globalIndexCreatedAndTimeToLiveEnabledInOneOfThreeRegions_reachBothOthersAndIndexesAreBuilt() {
    eastTables.create("orders", false, false, false);
    eastTables.put("orders", items(0, 50, "before").stream().map(item -> withG(item, "a")).toList());
    createReplica(WEST);
    runUntilIdle();
    createReplica(SOUTH);
    runUntilIdle();

    westTables.addGlobalIndex("orders", "byG");
    assertThat(replicas(west)).extracting(Replica::status).containsOnly(ReplicaStatus.UPDATING);
    runUntilIdle();
    westTables.enableTimeToLive("orders", "expires");
    runUntilIdle();
    for (Database db : List.of(east, south)) {
      IndexBuilder builder = new IndexBuilder(db);
      for (int pass = 0; pass < 10 && builder.runPass(); pass++) {
        // Each pass fills one batch; the last makes the index ACTIVE.
      }
    }

    for (Database db : List.of(east, west, south)) {
      TableMetadata table = db.catalog().find("orders").orElseThrow();
      assertThat(table.indexes()).singleElement().satisfies(index -> assertThat(index.name()).isEqualTo("byG"));
      assertThat(table.timeToLiveAttribute()).isEqualTo("expires");
      assertThat(replicas(db)).extracting(Replica::status).containsOnly(ReplicaStatus.ACTIVE);
    }
    TableMetadata inSouth = south.catalog().find("orders").orElseThrow();
    assertThat(inSouth.indexes().getFirst().status()).isEqualTo(IndexMetadata.IndexStatus.ACTIVE);
    assertThat(entries(south, inSouth.indexes().getFirst().keyspace())).isEqualTo(50);
  }

  @Test
  void updateTable_sharedSettingsChangedInTwoRegionsAtOnce_allThreeKeepTheLaterChange() {
    threeRegions();
    westClock.advance(Duration.ofMillis(5));

    eastTables.enableTimeToLive("orders", "expires");
    westTables.addGlobalIndex("orders", "byG");
    runUntilIdle();

    // The west's change, made later, whole; the east's time to live is lost.
    assertEveryRegionOn(List.of("byG"), null);
  }

  @Test
  void updateTable_sharedSettingsChangedInTwoRegionsAtOnceTheEarlierArrivingLast_allThreeKeepTheLaterChange() {
    threeRegions();
    eastClock.advance(Duration.ofMillis(5));

    westTables.addGlobalIndex("orders", "byG");
    eastTables.enableTimeToLive("orders", "expires");
    // The south hears the east's change first and the west's, older, after it.
    eastReplicator.runPass();
    runUntilIdle();

    // The east's change, made later, whole; the west's index is dropped where it was created.
    assertEveryRegionOn(List.of(), "expires");
  }

  @Test
  void updateTable_sharedSettingsChangeStillOnItsWay_refusedAsInUseAndTheTableDescribedUpdating() {
    replicatedTable();
    eastTables.enableTimeToLive("orders", "expires");

    assertThat(describe(east).status()).isEqualTo(TableStatus.UPDATING);
    assertThatThrownBy(() -> eastTables.addGlobalIndex("orders", "byG")).isInstanceOfSatisfying(
        DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE);
          assertThat(e.getMessage()).isEqualTo("The resource which you are attempting to change is in use.");
        });
    runUntilIdle();

    assertThat(describe(east).status()).isEqualTo(TableStatus.ACTIVE);
    assertThat(describe(west).status()).isEqualTo(TableStatus.ACTIVE);
    eastTables.addGlobalIndex("orders", "byG");
    assertThat(describe(east).status()).isEqualTo(TableStatus.UPDATING);
  }

  @Test
  void runPass_replicaCreatedWithOverridesBesideAnother_theOtherRegionDescribesTheNewReplicasOverrides() {
    replicatedTable();
    Requests.run(new UpdateTable(east), new UpdateTableInput("orders", null, null, null, null, null, null, List.of(),
        null, null, null, false, List.of(new ReplicaUpdate(ReplicaUpdate.Action.CREATE, SOUTH, null, 40L, null, null,
            null))));

    runUntilIdle();

    for (Database db : List.of(east, west)) {
      assertThat(replicas(db)).filteredOn(replica -> replica.region().equals(SOUTH)).singleElement()
          .satisfies(replica -> assertThat(replica.overrides().maxReadRequestUnits()).as(db.region()).contains(40L));
    }
    assertThat(south.catalog().find("orders").orElseThrow().options().onDemandThroughput())
        .contains(new OnDemandThroughput(40, OnDemandThroughput.UNBOUNDED));
  }

  @Test
  void reclaim_thirdRegionLagging_holdsEveryRegionsTombstonesUntilItCatchesUp() {
    threeRegions();
    putItem(east, eastClock, "a", "east");
    runUntilIdle();
    deleteItem(east, eastClock, "a");
    // The south is down: it receives nothing and reports no watermark, so the one it last reported stays.
    toSouth.down = true;
    runUntilIdle(eastReplicator, westReplicator);
    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    runUntilIdle(eastReplicator, westReplicator);
    reclaimTombstones();
    assertThat(stamp(east, "a")).as("the south has not acknowledged the deletion").isNotNull();
    assertThat(stamp(west, "a")).as("the south's watermark holds it back").isNotNull();

    toSouth.down = false;
    runUntilIdle();
    assertThat(stamp(south, "a")).as("the deletion reached the south").isNotNull();
    advanceClocks(TombstoneReclamation.DEFAULTS.horizon().plusMinutes(1));
    runUntilIdle();
    reclaimTombstones();

    for (Database db : List.of(east, west, south)) {
      assertThat(stamp(db, "a")).as(db.region()).isNull();
      assertThat(new TestTables(db).scan("orders")).as(db.region()).isEmpty();
    }
  }

  private static int entries(Database db, int keyspace) {
    int count = 0;
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(KeyCodec.keyspaceRange(keyspace), false)) {
      while (cursor.next()) {
        count++;
      }
    }
    return count;
  }

  @Test
  void runPass_replicaUpdatesUpdateOfAnOnDemandReadMaximum_appliedInTheReplicaAndKeptThroughSharedChanges() {
    replicatedTable();
    UpdateTableInput update = new UpdateTableInput("orders", null, null, null, null, null, null, List.of(), null,
        null, null, false, List.of(new ReplicaUpdate(ReplicaUpdate.Action.UPDATE, WEST, null, 40L, null, null,
            null)));

    Requests.run(new UpdateTable(east), update);
    assertThat(replica(east).status()).isEqualTo(ReplicaStatus.UPDATING);
    runUntilIdle();
    eastTables.enableTimeToLive("orders", "expires");
    runUntilIdle();

    assertThat(replica(east)).satisfies(replica -> {
      assertThat(replica.status()).isEqualTo(ReplicaStatus.ACTIVE);
      assertThat(replica.overrides().maxReadRequestUnits()).contains(40L);
    });
    TableMetadata inWest = west.catalog().find("orders").orElseThrow();
    assertThat(inWest.options().onDemandThroughput())
        .contains(new OnDemandThroughput(40, OnDemandThroughput.UNBOUNDED));
    assertThat(inWest.timeToLiveAttribute()).isEqualTo("expires");
    assertThat(east.catalog().find("orders").orElseThrow().options().onDemandThroughput()).isEmpty();
  }

  @Test
  void updateTimeToLive_whileAReplicaIsCreated_refusedAsInUseAndTheTableUnchanged() {
    eastTables.create("orders", false, false, false);
    createReplica();

    assertThatThrownBy(() -> eastTables.enableTimeToLive("orders", "expires")).isInstanceOfSatisfying(
        DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE);
          assertThat(e.getMessage()).isEqualTo("The resource which you are attempting to change is in use.");
        });
    assertThat(east.catalog().find("orders").orElseThrow().timeToLiveAttribute()).isNull();
  }

  private static Map<String, AttributeValue> withG(Map<String, AttributeValue> item, String g) {
    Map<String, AttributeValue> with = new HashMap<>(item);
    with.put("g", s(g));
    return with;
  }

  private void advanceClocks(Duration duration) {
    eastClock.advance(duration);
    westClock.advance(duration);
    southClock.advance(duration);
  }

  private void reclaimTombstones() {
    for (Database db : List.of(east, west, south)) {
      new TombstoneReclaimer(db).runPass();
    }
  }

  /** The item as an eventually consistent GetItem reads it in the region: its own copy, whatever the table's mode. */
  private static @Nullable Map<String, AttributeValue> eventualGet(Database db, String id) {
    return PageItems.attributes(new GetItem(db, ItemConsensus.NONE).execute(
        new GetItemInput("orders", Map.of("id", s(id)), false, null, null, null, null), Requests.request()).item());
  }

  private static OptionalLong watermark(Database db, int keyspace, String region) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      return ReplicaWatermark.read(snapshot, keyspace, region);
    }
  }

  /** The replication stamp the item's key holds, a tombstone when the item is deleted; null when none. */
  private static @Nullable ReplicationStamp stamp(Database db, String id) {
    TableMetadata table = db.catalog().find("orders").orElseThrow();
    try (Snapshot snapshot = db.storage().snapshot()) {
      return ItemStamps.stored(snapshot, table.options().replication().orElseThrow(),
          KeyCodec.itemKey(table.keyspace(), s(id), null));
    }
  }

  @Test
  void strongTableWithAWitness_createdInEveryRegion_andDeletedWhole() {
    eastTables.create("orders", false, false, false);

    Requests.run(new UpdateTable(east), strongUpdate(List.of(new ReplicaUpdate(ReplicaUpdate.Action.CREATE, WEST)),
        List.of(new WitnessUpdate(WitnessUpdate.WitnessAction.CREATE, SOUTH)), MultiRegionConsistency.STRONG));
    assertThat(replication(east).witness()).contains(new Witness(SOUTH, WitnessStatus.CREATING));
    runUntilIdle();

    for (Database db : List.of(east, west)) {
      Replication replication = replication(db);
      assertThat(replication.strong()).as(db.region()).isTrue();
      assertThat(replication.witness()).as(db.region()).contains(new Witness(SOUTH, WitnessStatus.ACTIVE));
      assertThat(replication.replicas()).as(db.region()).extracting(Replica::status)
          .containsExactly(ReplicaStatus.ACTIVE);
      assertThat(replication.consensusRegions(db.region())).containsExactly(SOUTH, WEST, EAST);
      assertThat(describe(db).status()).isEqualTo(TableStatus.ACTIVE);
    }
    WitnessedTable witnessed = south.catalog().witnessed("orders").orElseThrow();
    assertThat(witnessed.replicas()).containsExactly(WEST, EAST);
    assertThat(south.catalog().find("orders")).isEmpty();
    assertThat(south.catalog().list()).isEmpty();

    Requests.run(new UpdateTable(east), strongUpdate(List.of(new ReplicaUpdate(ReplicaUpdate.Action.DELETE, WEST)),
        List.of(new WitnessUpdate(WitnessUpdate.WitnessAction.DELETE, SOUTH)), null));
    assertThat(replication(east).strong()).isFalse();
    assertThat(replication(east).witness()).contains(new Witness(SOUTH, WitnessStatus.DELETING));
    runUntilIdle();

    assertThat(replication(east).replicas()).isEmpty();
    assertThat(replication(east).witness()).isEmpty();
    assertThat(describe(east).status()).isEqualTo(TableStatus.ACTIVE);
    assertThat(west.catalog().find("orders")).isEmpty();
    assertThat(south.catalog().witnessed("orders")).isEmpty();
    try (Snapshot snapshot = south.storage().snapshot()) {
      assertThat(snapshot.get(SystemKeyspace.dropped(witnessed.keyspace()))).isNotNull();
    }
  }

  @Test
  void strongTableOfThreeReplicas_everyRegionKnowsTheOthersAndTheMode() {
    strongTableOfThreeReplicas();

    for (Database db : List.of(east, west, south)) {
      Replication replication = replication(db);
      assertThat(replication.strong()).as(db.region()).isTrue();
      assertThat(replication.witness()).as(db.region()).isEmpty();
      assertThat(replication.replicas()).as(db.region()).extracting(Replica::status)
          .containsOnly(ReplicaStatus.ACTIVE).hasSize(2);
      assertThat(replication.consensusRegions(db.region())).as(db.region()).containsExactly(SOUTH, WEST, EAST);
    }
  }

  /** Makes the replicated table one of multi-region strong consistency in these regions. */
  private static void makeStrong(Database... regions) {
    for (Database db : regions) {
      db.catalog().change(change -> {
        TableMetadata table = change.table("orders").orElseThrow();
        change.putTable(table.withOptions(table.options().withReplication(Optional.of(
            replication(db).withConsistency(MultiRegionConsistency.STRONG, Optional.empty())))));
        return null;
      });
    }
  }

  @Test
  void runPass_strongTable_valueChosenWhoseWriterLostItsOwnCommit_reachesTheWriterAndItsStream_appliedOnceEach() {
    strongTableOfThreeReplicas();
    Map<String, AttributeValue> chosen = item("a", Map.of("v", s("chosen")));
    proposer(EAST, (region, request) -> request instanceof Commit && region.equals(EAST))
        .write("orders", peerKey("a"), current -> new ItemValue(ItemCodec.encode(chosen)));
    assertThat(eventualGet(east, "a")).as("the writer's own commit was lost").isNull();
    assertThat(eventualGet(west, "a")).isEqualTo(chosen);

    runUntilIdle();

    ReplicationStamp origin = stamp(west, "a");
    for (Database db : List.of(east, west, south)) {
      assertThat(eventualGet(db, "a")).as(db.region()).isEqualTo(chosen);
      assertThat(streamChanges(db)).as(db.region())
          .containsExactly(new ReplicatedChange(Map.of("id", s("a")), chosen, origin, false));
    }
    assertThat(origin.region()).isEqualTo(EAST);
  }

  @Test
  void runPass_strongTable_writerStoppedAfterItsValueWasAccepted_anotherRegionsRoundFinishesIt_writerCatchesUp() {
    strongTableOfThreeReplicas();
    Map<String, AttributeValue> chosen = item("a", Map.of("v", s("chosen")));
    // The writer stops once its value is accepted: no region hears its Commit.
    proposer(EAST, (region, request) -> request instanceof Commit)
        .write("orders", peerKey("a"), current -> new ItemValue(ItemCodec.encode(chosen)));
    toEast.down = true;
    TableMetadata table = west.catalog().find("orders").orElseThrow();
    assertThat(PageItems.attributes(new GetItem(west, toWest.consensus).execute(
        new GetItemInput("orders", Map.of("id", s("a")), true, null, null, null, null), Requests.request()).item()))
        .as("a strong read finishes the write").isEqualTo(chosen);
    runUntilIdle(westReplicator, southReplicator);
    assertThat(eventualGet(south, "a")).isEqualTo(chosen);
    assertThat(eventualGet(east, "a")).isNull();
    assertThat(Replicator.pending(west, table, EAST)).as("the changes made in the west only").isZero();

    toEast.down = false;
    runUntilIdle();

    for (Database db : List.of(east, west, south)) {
      assertThat(eventualGet(db, "a")).as(db.region()).isEqualTo(chosen);
      assertThat(streamChanges(db)).as(db.region()).containsExactly(
          new ReplicatedChange(Map.of("id", s("a")), chosen, stamp(west, "a"), false));
    }
  }

  /** A table of multi-region strong consistency in the three regions, made as a client makes it. */
  private void strongTableOfThreeReplicas() {
    eastTables.create("orders", false, false, false);
    Requests.run(new UpdateTable(east), strongUpdate(List.of(new ReplicaUpdate(ReplicaUpdate.Action.CREATE, WEST),
        new ReplicaUpdate(ReplicaUpdate.Action.CREATE, SOUTH)), List.of(), MultiRegionConsistency.STRONG));
    runUntilIdle();
  }

  /**
   * A proposer of {@code region} for the table {@code orders}, reaching each region's acceptor directly; the requests
   * {@code lost} picks (by the region they go to) never arrive.
   */
  private Proposer proposer(String region, BiPredicate<String, PaxosRequest> lost) {
    Map<String, DirectLink> links = Map.of(EAST, toEast, WEST, toWest, SOUTH, toSouth);
    PaxosTransport transport = (to, table, key, request) -> {
      if (lost.test(to, request)) {
        return CompletableFuture.failedFuture(new IllegalStateException("lost"));
      }
      return links.get(to).paxos(table, region, key, PaxosCodec.encode(request)).thenApply(PaxosCodec::decodeReply);
    };
    Database db = links.get(region).target();
    return new Proposer(region, replication(db).consensusRegions(region), transport, db.clock(),
        Duration.ofSeconds(1));
  }

  /** The item's key as the consensus carries it: without a keyspace id. */
  private static byte[] peerKey(String id) {
    byte[] key = KeyCodec.itemKey(0, s(id), null);
    return Arrays.copyOfRange(key, KeyCodec.KEYSPACE_BYTES, key.length);
  }

  /** The changes the region's stream of {@code orders} holds, in order. */
  private static List<ReplicatedChange> streamChanges(Database db) {
    TableMetadata table = db.catalog().find("orders").orElseThrow();
    List<ReplicatedChange> changes = new ArrayList<>();
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(StreamLog.range(Objects.requireNonNull(table.stream()).keyspace()), false)) {
      while (cursor.next()) {
        changes.add(StreamLog.replicatedChange(cursor.value()));
      }
    }
    return changes;
  }

  private void replicatedTable() {
    eastTables.create("orders", false, false, false);
    createReplica();
    runUntilIdle();
    assertThat(replica(east).status()).isEqualTo(ReplicaStatus.ACTIVE);
  }

  private void threeRegions() {
    replicatedTable();
    createReplica(SOUTH);
    runUntilIdle();
    assertThat(replicas(east)).extracting(Replica::status).containsOnly(ReplicaStatus.ACTIVE);
  }

  /** Every region has these global indexes and time to live, the same shared settings, and its replicas ACTIVE. */
  private void assertEveryRegionOn(List<String> indexes, @Nullable String timeToLiveAttribute) {
    for (Database db : List.of(east, west, south)) {
      TableMetadata table = db.catalog().find("orders").orElseThrow();
      assertThat(table.indexes()).as(db.region()).extracting(IndexMetadata::name).isEqualTo(indexes);
      assertThat(table.timeToLiveAttribute()).as(db.region()).isEqualTo(timeToLiveAttribute);
      assertThat(replicas(db)).extracting(Replica::status).containsOnly(ReplicaStatus.ACTIVE);
    }
    assertThat(sharedSettings(east)).isEqualTo(sharedSettings(west)).isEqualTo(sharedSettings(south));
  }

  private static SharedSettings sharedSettings(Database db) {
    return SharedSettings.of(db.catalog().find("orders").orElseThrow());
  }

  private void createReplica() {
    createReplica(WEST);
  }

  private void createReplica(String region) {
    Requests.run(new UpdateTable(east), replicaUpdate(ReplicaUpdate.Action.CREATE, region));
  }

  private static UpdateTableInput replicaUpdate(ReplicaUpdate.Action action, String region) {
    return new UpdateTableInput("orders", null, null, null, null, null, null, List.of(), null, null, null, false,
        List.of(new ReplicaUpdate(action, region)));
  }

  /** Runs the replicators until none has work left; bounded, as a pass always makes progress. */
  private void runUntilIdle() {
    runUntilIdle(eastReplicator, westReplicator, southReplicator);
  }

  /** Runs these replicators only until none has work left, the others' regions being down. */
  private static void runUntilIdle(Replicator... replicators) {
    for (int pass = 0; pass < 100; pass++) {
      boolean more = false;
      for (Replicator replicator : replicators) {
        more |= replicator.runPass();
      }
      if (!more) {
        return;
      }
    }
    throw new AssertionError("the replicators still had work after 100 passes");
  }

  private static TableDescription describe(Database db) {
    return Requests.run(new DescribeTable(db), "orders");
  }

  private static Replication replication(Database db) {
    return db.catalog().find("orders").orElseThrow().options().replication().orElseThrow();
  }

  private static UpdateTableInput strongUpdate(List<ReplicaUpdate> replicas, List<WitnessUpdate> witness,
      @Nullable MultiRegionConsistency consistency) {
    return new UpdateTableInput("orders", null, null, null, null, null, null, List.of(), null, null, null, false,
        replicas, consistency == null ? null : Choice.of(consistency), witness);
  }

  private static Replica replica(Database db) {
    return replicas(db).getFirst();
  }

  private static List<Replica> replicas(Database db) {
    return db.catalog().find("orders").orElseThrow().options().replication().orElseThrow().replicas();
  }

  /** Puts an item as a request at the region's own clock, which stamps the change. */
  private static void putItem(Database db, Clock clock, String id, String value) {
    TableMetadata table = db.catalog().find("orders").orElseThrow();
    new WritePipeline(db).write(RequestContext.internal(Principal.caller("test"), clock), ItemWrite.put(table,
        KeyCodec.itemKey(table.keyspace(), s(id), null), WriteCondition.NONE, item(id, Map.of("v", s(value)))));
  }

  private static void deleteItem(Database db, Clock clock, String id) {
    TableMetadata table = db.catalog().find("orders").orElseThrow();
    new WritePipeline(db).write(RequestContext.internal(Principal.caller("test"), clock),
        ItemWrite.delete(table, KeyCodec.itemKey(table.keyspace(), s(id), null), WriteCondition.NONE));
  }

  private static List<Map<String, AttributeValue>> items(int from, int to, String value) {
    return IntStream.range(from, to).mapToObj(n -> item(String.format("%05d", n), Map.of("v", s(value)))).toList();
  }

  private static List<Map<String, AttributeValue>> sorted(List<Map<String, AttributeValue>> items) {
    return items.stream().sorted(Comparator.comparing(i -> ((AttributeValue.S) i.get("id")).value())).toList();
  }

  /** A peer reached by calling its operations directly; {@code down} makes every call fail as a network would. */
  private static final class DirectLink implements PeerLink {
    @Nullable Database target;
    @Nullable RegionConsensus consensus;
    boolean down;

    private Database target() {
      if (down || target == null) {
        throw new IllegalStateException("the peer does not answer");
      }
      return target;
    }

    @Override
    public CompletableFuture<byte[]> paxos(String tableName, String sourceRegion, byte[] key, byte[] request) {
      try {
        target();
        return CompletableFuture.completedFuture(PaxosCodec.encode(Objects.requireNonNull(consensus)
            .answer(tableName, sourceRegion, key, PaxosCodec.decodeRequest(request))));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public void createReplica(TableMetadata table, String sourceRegion, Optional<ReplicationStamp> settingsStamp) {
      Requests.run(new CreateReplicaTable(target()), new ReplicaTableInput(sourceRegion, table, null, null,
          settingsStamp.orElse(null)));
    }

    @Override
    public void updateReplica(TableMetadata table, String sourceRegion, Optional<ReplicationStamp> settingsStamp) {
      Database peer = target();
      try {
        Requests.run(new UpdateReplicaTable(peer), new ReplicaTableInput(sourceRegion, table, null, null,
            settingsStamp.orElse(null)));
      } catch (DynamoException e) {
        throw gone(e);
      }
    }

    @Override
    public void addReplica(TableMetadata table, String sourceRegion, String region) {
      Database peer = target();
      try {
        Requests.run(new AddReplicaRegion(peer), new ReplicaTableInput(sourceRegion, table, null, region, null));
      } catch (DynamoException e) {
        throw gone(e);
      }
    }

    @Override
    public void apply(String tableName, String sourceRegion, List<ReplicatedChange> changes,
        OptionalLong lowWatermark) {
      apply(new ApplyReplicatedChangesInput(tableName, sourceRegion, changes, false,
          lowWatermark.isPresent() ? lowWatermark.getAsLong() : null));
    }

    @Override
    public void filled(String tableName, String sourceRegion) {
      apply(new ApplyReplicatedChangesInput(tableName, sourceRegion, List.of(), true));
    }

    private void apply(ApplyReplicatedChangesInput call) {
      Database peer = target();
      try {
        Requests.run(new ApplyReplicatedChanges(peer, new WritePipeline(peer)), call);
      } catch (DynamoException e) {
        throw gone(e);
      }
    }

    /** A ResourceNotFoundException as the network link turns it into a ReplicaGoneException. */
    private static RuntimeException gone(DynamoException e) {
      return e.code() == ErrorCode.RESOURCE_NOT_FOUND ? new ReplicaGoneException(e.getMessage()) : e;
    }

    @Override
    public void deleteReplica(String tableName, String sourceRegion) {
      Requests.run(new DeleteReplicaTable(target()), new ReplicaTableInput(sourceRegion, null, tableName, null, null));
    }

    @Override
    public void createWitness(TableMetadata table, String sourceRegion) {
      Requests.run(new CreateTableWitness(target()), new ReplicaTableInput(sourceRegion, table, null, null, null));
    }

    @Override
    public void deleteWitness(String tableName, String sourceRegion) {
      Requests.run(new DeleteTableWitness(target()), new ReplicaTableInput(sourceRegion, null, tableName, null, null));
    }

    @Override
    public Optional<PeerTable> inspect(String tableName, String sourceRegion) {
      return Requests.run(new InspectTable(target()), new ReplicaTableInput(sourceRegion, null, tableName, null, null));
    }

    @Override
    public void join(TableMetadata table, String sourceRegion) {
      Requests.run(new JoinGlobalTable(target()), new ReplicaTableInput(sourceRegion, table, null, null, null));
    }

    @Override
    public void leave(String tableName, String sourceRegion) {
      Requests.run(new LeaveGlobalTable(target()), new ReplicaTableInput(sourceRegion, null, tableName, null, null));
    }

    @Override
    public void updateSettings(String tableName, String sourceRegion, ReplicaSettingsUpdate update) {
      Requests.run(new UpdateReplicaSettings(target()), new ReplicaSettingsInput(sourceRegion, tableName, update));
    }
  }
}
