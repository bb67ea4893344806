package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static io.shaledb.it.GlobalTablesIT.assertRefused;
import static io.shaledb.it.GlobalTablesIT.await;
import static io.shaledb.it.GlobalTablesIT.client;
import static io.shaledb.it.GlobalTablesIT.freePort;
import static io.shaledb.it.GlobalTablesIT.peer;
import static io.shaledb.it.GlobalTablesIT.putItems;
import static io.shaledb.it.GlobalTablesIT.replica;
import static io.shaledb.it.GlobalTablesIT.replicaUpdate;
import static io.shaledb.it.GlobalTablesIT.replicate;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * A global table's settings across two ShaleDB servers on loopback (docs/global-tables.md, "Settings and schema
 * across replicas"): a replica's overrides set by ReplicaUpdates Create and Update, applied in its region and
 * described in both; the shared settings (global indexes, write capacity, time to live) changed in either region
 * reaching the other, a new global index built there from its own items; and the refusals of overrides.
 */
class GlobalTableSettingsIT {
  private final int eastPort = freePort();
  private final int westPort = freePort();
  private @Nullable ShaleDbServer east;
  private @Nullable ShaleDbServer west;
  private DynamoDbClient eastClient;
  private DynamoDbClient westClient;

  @BeforeEach
  void start() throws InterruptedException {
    east = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withPort(eastPort)
        .withRegion(EAST, List.of(peer(WEST, westPort, "AKIDREPLICATOR", "replicator-secret"))));
    west = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withPort(westPort)
        .withRegion(WEST, List.of(peer(EAST, eastPort, "AKIDREPLICATOR", "replicator-secret"))));
    eastClient = client(EAST, eastPort);
    westClient = client(WEST, westPort);
  }

  @AfterEach
  void stop() {
    for (ShaleDbServer server : new ShaleDbServer[] {east, west}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void replicaUpdatesCreate_withOverrides_replicaHasThemAndBothRegionsDescribeThem() {
    createProvisionedTable();

    TableDescription creating = eastClient.updateTable(r -> r.tableName("orders").replicaUpdates(
        ReplicationGroupUpdate.builder().create(c -> c.regionName(WEST).kmsMasterKeyId("alias/orders-west")
            .provisionedThroughputOverride(p -> p.readCapacityUnits(5L))
            .globalSecondaryIndexes(ReplicaGlobalSecondaryIndex.builder().indexName("by-status")
                .provisionedThroughputOverride(p -> p.readCapacityUnits(3L)).build())
            .tableClassOverride(TableClass.STANDARD_INFREQUENT_ACCESS)).build())).tableDescription();
    await("the replica ACTIVE", () -> replica(eastClient).replicaStatus() == ReplicaStatus.ACTIVE
        && GlobalTablesIT.active(westClient));

    assertOverrides(creating.replicas().getFirst(), 5L, 3L, TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(creating.replicas().getFirst().kmsMasterKeyId()).isEqualTo("alias/orders-west");
    assertOverrides(replica(eastClient), 5L, 3L, TableClass.STANDARD_INFREQUENT_ACCESS);
    TableDescription inWest = describe(westClient);
    assertThat(inWest.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(inWest.provisionedThroughput().writeCapacityUnits()).isEqualTo(10L);
    assertThat(inWest.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(index(inWest, "by-status").provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
    assertThat(index(inWest, "by-status").provisionedThroughput().writeCapacityUnits()).isEqualTo(10L);
    // The region that made the Create keeps its own settings, and the replica describes it without overrides.
    assertThat(describe(eastClient).provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
    ReplicaDescription source = replica(westClient);
    assertThat(source.regionName()).isEqualTo(EAST);
    assertThat(source.provisionedThroughputOverride()).isNull();
    assertThat(source.replicaTableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(eastClient.describeTableReplicaAutoScaling(r -> r.tableName("orders")).tableAutoScalingDescription()
        .replicas()).singleElement().satisfies(replica -> {
          assertThat(replica.regionName()).isEqualTo(WEST);
          assertThat(replica.replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
          assertThat(replica.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("by-status");
        });
  }

  @Test
  void replicaUpdatesUpdate_andSharedCapacityChanged_eachReachesTheReplicaAndOverridesOutliveCapacityChanges() {
    createProvisionedTable();
    replicate(eastClient, westClient);

    TableDescription updating = eastClient.updateTable(r -> r.tableName("orders").replicaUpdates(
        ReplicationGroupUpdate.builder().update(u -> u.regionName(WEST)
            .provisionedThroughputOverride(p -> p.readCapacityUnits(7L))).build())).tableDescription();

    assertThat(updating.replicas()).extracting(ReplicaDescription::replicaStatus).containsAnyOf(
        ReplicaStatus.UPDATING, ReplicaStatus.ACTIVE);
    await("the override applied in " + WEST, () -> replica(eastClient).replicaStatus() == ReplicaStatus.ACTIVE
        && describe(westClient).provisionedThroughput().readCapacityUnits() == 7L);
    assertThat(replica(eastClient).provisionedThroughputOverride().readCapacityUnits()).isEqualTo(7L);

    eastClient.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(20L)
        .writeCapacityUnits(30L)));

    await("the write capacity shared with " + WEST,
        () -> describe(westClient).provisionedThroughput().writeCapacityUnits() == 30L);
    assertThat(describe(westClient).provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
    await("the replica ACTIVE again", () -> replica(eastClient).replicaStatus() == ReplicaStatus.ACTIVE);
  }

  @Test
  void updateTable_globalIndexAndTimeToLiveChangedInEitherRegion_reachTheOtherButDeletionProtectionDoesNot() {
    GlobalTablesIT.createTable(eastClient);
    replicate(eastClient, westClient);
    putItems(eastClient, 0, 100);
    putItems(westClient, 100, 150);
    GlobalTablesIT.awaitIdentical(eastClient, westClient);

    westClient.updateTable(r -> r.tableName("orders")
        .attributeDefinitions(Tables.definition("n", ScalarAttributeType.N))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-n")
            .keySchema(Tables.key("n", KeyType.HASH)).projection(p -> p.projectionType("KEYS_ONLY"))).build()));

    await("the index built in " + EAST, () -> describe(eastClient).globalSecondaryIndexes().stream()
        .anyMatch(i -> i.indexName().equals("by-n") && i.indexStatus() == IndexStatus.ACTIVE));
    assertThat(eastClient.query(r -> r.tableName("orders").indexName("by-n").keyConditionExpression("n = :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("120")))).items())
        .extracting(item -> item.get("id").s()).containsExactly(GlobalTablesIT.id(120));
    // One change at a time: a region refuses a change while its replicas are still sent the last one.
    await("the change sent", () -> replica(westClient).replicaStatus() == ReplicaStatus.ACTIVE);
    eastClient.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(s -> s.attributeName("expires")
        .enabled(true)));
    eastClient.updateTable(r -> r.tableName("orders").deletionProtectionEnabled(true));

    await("time to live enabled in " + WEST, () -> westClient.describeTimeToLive(r -> r.tableName("orders"))
        .timeToLiveDescription().timeToLiveStatus() == TimeToLiveStatus.ENABLED);
    assertThat(describe(westClient).deletionProtectionEnabled()).isFalse();

    // A region takes its next change of shared settings once its replicas have the last one.
    await("the change sent", () -> replica(eastClient).replicaStatus() == ReplicaStatus.ACTIVE);
    eastClient.updateTable(r -> r.tableName("orders")
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-status"))
            .build()));

    await("the index dropped in " + WEST, () -> describe(westClient).globalSecondaryIndexes().stream()
        .noneMatch(i -> i.indexName().equals("by-status")));
    await("both replicas ACTIVE", () -> replica(eastClient).replicaStatus() == ReplicaStatus.ACTIVE
        && replica(westClient).replicaStatus() == ReplicaStatus.ACTIVE);
  }

  @Test
  void updateTable_capacityChangedInBothRegionsAtOnce_bothEndWithTheSameCapacityAndActive() throws Exception {
    createProvisionedTable();
    replicate(eastClient, westClient);
    CountDownLatch start = new CountDownLatch(1);

    try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
      List<Future<?>> calls = List.of(
          callers.submit(() -> capacity(eastClient, start, 11L, 20L)),
          callers.submit(() -> capacity(westClient, start, 12L, 30L)));
      start.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    }

    await("both regions on one change, their replicas ACTIVE", () -> {
      TableDescription inEast = describe(eastClient);
      TableDescription inWest = describe(westClient);
      return inEast.tableStatus() == TableStatus.ACTIVE && inWest.tableStatus() == TableStatus.ACTIVE
          && inEast.provisionedThroughput().writeCapacityUnits()
              .equals(inWest.provisionedThroughput().writeCapacityUnits())
          && inEast.provisionedThroughput().readCapacityUnits()
              .equals(inWest.provisionedThroughput().readCapacityUnits());
    });
    // The later of the two changes, whole: never one region's read capacity with the other's write capacity.
    assertThat(List.of(describe(eastClient).provisionedThroughput().readCapacityUnits(),
        describe(eastClient).provisionedThroughput().writeCapacityUnits()))
        .isIn(List.of(11L, 20L), List.of(12L, 30L));
  }

  private static void capacity(DynamoDbClient client, CountDownLatch start, long read, long write) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    client.updateTable(r -> r.tableName("orders").provisionedThroughput(p -> p.readCapacityUnits(read)
        .writeCapacityUnits(write)));
  }

  @Test
  void replicaUpdates_overridesTheTableCannotTake_refused() {
    GlobalTablesIT.createTable(eastClient);

    // The service's words as the AWS provider for Terraform quotes them (internal/service/dynamodb/table.go).
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .update(u -> u.regionName(WEST).provisionedThroughputOverride(p -> p.readCapacityUnits(5L))).build()),
        "Replica specified in the Replica Update or Replica Delete action of the request was not found.");
    // ShaleDB's words: no answer of the service to these is on record.
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .create(c -> c.regionName(WEST).provisionedThroughputOverride(p -> p.readCapacityUnits(5L))).build()),
        "One or more parameter values were invalid: ProvisionedThroughputOverride cannot be specified for a replica"
            + " of table orders, whose BillingMode is PAY_PER_REQUEST");
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .create(c -> c.regionName(WEST).globalSecondaryIndexes(ReplicaGlobalSecondaryIndex.builder()
                .indexName("by-nothing").onDemandThroughputOverride(o -> o.maxReadRequestUnits(50L)).build()))
            .build()),
        "One or more parameter values were invalid: table orders has no global secondary index by-nothing to"
            + " override for a replica");
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .create(c -> c.regionName(WEST).provisionedThroughputOverride(p -> p.readCapacityUnits(0L))).build()),
        "1 validation error detected: Value '0' at"
            + " 'replicaUpdates.1.member.create.provisionedThroughputOverride.readCapacityUnits' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1");
    assertThat(eastClient.describeTable(r -> r.tableName("orders")).table().hasReplicas()).isFalse();
  }

  private void createProvisionedTable() {
    eastClient.createTable(r -> r.tableName("orders").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("status", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
            .keySchema(Tables.key("status", KeyType.HASH)).projection(p -> p.projectionType("ALL"))
            .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)).build()));
  }

  private static void assertOverrides(ReplicaDescription replica, long read, long indexRead, TableClass tableClass) {
    assertThat(replica.provisionedThroughputOverride().readCapacityUnits()).isEqualTo(read);
    assertThat(replica.globalSecondaryIndexes()).singleElement().satisfies(index -> {
      assertThat(index.indexName()).isEqualTo("by-status");
      assertThat(index.provisionedThroughputOverride().readCapacityUnits()).isEqualTo(indexRead);
    });
    assertThat(replica.replicaTableClassSummary().tableClass()).isEqualTo(tableClass);
  }

  private static TableDescription describe(DynamoDbClient client) {
    return client.describeTable(r -> r.tableName("orders")).table();
  }

  private static GlobalSecondaryIndexDescription index(TableDescription table, String name) {
    return table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst()
        .orElseThrow();
  }
}
