package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.replication.PeerEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Global tables in three ShaleDB servers on loopback, each its own region, every one a peer of the others
 * (docs/global-tables.md, "More than two regions"): a third region added while two write ends identical to them item
 * by item and then sends its own writes to both; the same items written concurrently in all three converge.
 */
class ThreeRegionGlobalTablesIT {
  private static final String SOUTH = "ap-south-1";
  private static final List<String> REGIONS = List.of(EAST, WEST, SOUTH);

  private final List<Integer> ports = List.of(GlobalTablesIT.freePort(), GlobalTablesIT.freePort(),
      GlobalTablesIT.freePort());
  private final List<ShaleDbServer> servers = new ArrayList<>();
  private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
  private DynamoDbClient east;
  private DynamoDbClient west;
  private DynamoDbClient south;

  @BeforeEach
  void start() throws InterruptedException {
    startMesh(REGIONS, ports, servers);
    east = GlobalTablesIT.client(EAST, ports.get(0));
    west = GlobalTablesIT.client(WEST, ports.get(1));
    south = GlobalTablesIT.client(SOUTH, ports.get(2));
  }

  /**
   * Starts an in-memory server of each region on its port, each listing all the others as peers, adding each to
   * {@code servers} as it starts (so a test stops those that started).
   */
  static void startMesh(List<String> regions, List<Integer> ports, List<ShaleDbServer> servers)
      throws InterruptedException {
    for (int i = 0; i < regions.size(); i++) {
      List<PeerEndpoint> peers = new ArrayList<>();
      for (int j = 0; j < regions.size(); j++) {
        if (j != i) {
          peers.add(GlobalTablesIT.peer(regions.get(j), ports.get(j), "AKIDREPLICATOR", "replicator-secret"));
        }
      }
      servers.add(ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withPort(ports.get(i))
          .withRegion(regions.get(i), peers)));
    }
  }

  @AfterEach
  void stop() {
    writers.shutdownNow();
    servers.forEach(ShaleDbServer::close);
  }

  @Test
  void updateTable_thirdReplicaCreatedWhileTwoRegionsWrite_allThreeEndIdentical() throws Exception {
    GlobalTablesIT.createTable(east);
    GlobalTablesIT.putItems(east, 0, 1_000);
    GlobalTablesIT.replicate(east, west);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger eastCount = new AtomicInteger();
    AtomicInteger westCount = new AtomicInteger();
    AtomicInteger southCount = new AtomicInteger();
    Future<?> eastWrites = writers.submit(() -> GlobalTablesIT.write(east, stop, "east", eastCount));
    Future<?> westWrites = writers.submit(() -> GlobalTablesIT.write(west, stop, "west", westCount));
    GlobalTablesIT.await("both regions writing", () -> eastCount.get() > 100 && westCount.get() > 100);

    TableDescription updated = east.updateTable(r -> r.tableName("orders").replicaUpdates(
        ReplicationGroupUpdate.builder().create(c -> c.regionName(SOUTH)).build())).tableDescription();

    assertThat(updated.replicas()).extracting(ReplicaDescription::regionName, ReplicaDescription::replicaStatus)
        .containsExactly(tuple(WEST, ReplicaStatus.ACTIVE), tuple(SOUTH, ReplicaStatus.CREATING));
    GlobalTablesIT.await("the replica's table ACTIVE in " + SOUTH, () -> GlobalTablesIT.active(south));
    Future<?> southWrites = writers.submit(() -> GlobalTablesIT.write(south, stop, "south", southCount));
    GlobalTablesIT.await("every region sees the others ACTIVE", () -> REGIONS.stream().allMatch(region ->
        allActive(client(region))));
    int southBefore = southCount.get();
    GlobalTablesIT.await("the third region writes", () -> southCount.get() > southBefore + 200);
    stop.set(true);
    eastWrites.get();
    westWrites.get();
    southWrites.get();

    GlobalTablesIT.awaitIdentical(east, west);
    GlobalTablesIT.awaitIdentical(east, south);
    assertThat(south.describeTable(r -> r.tableName("orders")).table().replicas())
        .extracting(ReplicaDescription::regionName).containsExactlyInAnyOrder(EAST, WEST);
  }

  @Test
  void putItem_sameItemsWrittenInThreeRegionsForManyRounds_converges() throws Exception {
    GlobalTablesIT.createTable(east);
    GlobalTablesIT.replicate(east, west);
    east.updateTable(r -> r.tableName("orders").replicaUpdates(
        ReplicationGroupUpdate.builder().create(c -> c.regionName(SOUTH)).build()));
    GlobalTablesIT.await("every region sees the others ACTIVE", () -> GlobalTablesIT.active(south)
        && REGIONS.stream().allMatch(region -> allActive(client(region))));

    for (int round = 0; round < 15; round++) {
      int r = round;
      List<Future<?>> writes = List.of(
          writers.submit(() -> GlobalTablesIT.conflicting(east, "east", r)),
          writers.submit(() -> GlobalTablesIT.conflicting(west, "west", r)),
          writers.submit(() -> GlobalTablesIT.conflicting(south, "south", r)));
      for (Future<?> write : writes) {
        write.get();
      }
    }

    GlobalTablesIT.awaitIdentical(east, west);
    GlobalTablesIT.awaitIdentical(east, south);
    assertThat(GlobalTablesIT.scan(east)).isNotEmpty();
  }

  private DynamoDbClient client(String region) {
    return Map.of(EAST, east, WEST, west, SOUTH, south).get(region);
  }

  private static boolean allActive(DynamoDbClient client) {
    List<ReplicaDescription> replicas = client.describeTable(r -> r.tableName("orders")).table().replicas();
    return replicas.size() == 2 && replicas.stream().allMatch(r -> r.replicaStatus() == ReplicaStatus.ACTIVE);
  }
}
