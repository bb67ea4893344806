package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.replication.PeerEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Global tables between two ShaleDB servers on loopback, each its own region with its own storage, replicating
 * through the replication calls (docs/global-tables.md): a replica created on a table with items while its region
 * writes (and the other once the replica is ACTIVE) ends identical item by item; the same items written concurrently in both regions converge; a region stopped
 * and started again catches up; replicas deleted through ReplicaUpdates or DeleteTable leave both regions consistent.
 */
class GlobalTablesIT {
  static final String EAST = "us-east-1";
  static final String WEST = "eu-west-1";
  static final Duration WAIT = Duration.ofSeconds(90);

  private final int eastPort = freePort();
  private final int westPort = freePort();
  private @Nullable ShaleDbServer east;
  private @Nullable ShaleDbServer west;
  private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
  /** Clients of each region, once started. */
  private DynamoDbClient eastClient;
  private DynamoDbClient westClient;

  @TempDir
  Path westData;

  @AfterEach
  void stop() {
    writers.shutdownNow();
    for (ShaleDbServer server : new ShaleDbServer[] {east, west}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void updateTable_createReplicaOfATableWithItemsWhileBothRegionsWrite_bothTablesEndIdentical() throws Exception {
    startBoth(false);
    createTable(eastClient);
    putItems(eastClient, 0, 1_500);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger eastCount = new AtomicInteger();
    AtomicInteger westCount = new AtomicInteger();
    Future<?> eastWrites = writers.submit(() -> write(eastClient, stop, "east", eastCount));

    TableDescription updated = eastClient.updateTable(r -> r.tableName("orders").replicaUpdates(
        ReplicationGroupUpdate.builder().create(c -> c.regionName(WEST)).build())).tableDescription();

    assertThat(updated.globalTableVersion()).isEqualTo("2019.11.21");
    assertThat(updated.replicas()).extracting(ReplicaDescription::regionName, ReplicaDescription::replicaStatus)
        .containsExactly(tuple(WEST, ReplicaStatus.CREATING));
    assertThat(updated.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    await("the replica's table ACTIVE in " + WEST + " once filled", () -> active(westClient));
    Future<?> westWrites = writers.submit(() -> write(westClient, stop, "west", westCount));
    await("the replica ACTIVE", () -> replica(eastClient).replicaStatus() == ReplicaStatus.ACTIVE);
    int east = eastCount.get();
    int west = westCount.get();
    await("both regions wrote after the backfill", () -> eastCount.get() > east + 200 && westCount.get() > west + 200);
    stop.set(true);
    eastWrites.get();
    westWrites.get();

    awaitIdentical(eastClient, westClient);
    TableDescription replica = westClient.describeTable(r -> r.tableName("orders")).table();
    assertThat(replica.replicas()).extracting(ReplicaDescription::regionName, ReplicaDescription::replicaStatus)
        .containsExactly(tuple(EAST, ReplicaStatus.ACTIVE));
    assertThat(replica.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("by-status");
    assertThat(replica.itemCount()).isEqualTo(scan(eastClient).size());
  }

  @Test
  void putItem_sameItemsWrittenInBothRegionsForManyRounds_converges() throws Exception {
    startBoth(false);
    createTable(eastClient);
    replicate(eastClient, westClient);

    for (int round = 0; round < 20; round++) {
      int r = round;
      Future<?> fromEast = writers.submit(() -> conflicting(eastClient, "east", r));
      Future<?> fromWest = writers.submit(() -> conflicting(westClient, "west", r));
      fromEast.get();
      fromWest.get();
    }

    awaitIdentical(eastClient, westClient);
    assertThat(scan(eastClient)).isNotEmpty();
    await("nothing pending", () -> metric(east, "PendingReplicationCount{") == 0);
    // Each region's changes were delivered (deleting an item already deleted changes nothing and is not sent).
    assertThat(metric(east, "ReplicationLatency_count{")).isPositive();
    assertThat(metric(west, "ReplicationLatency_count{")).isPositive();
  }

  @Test
  void replication_peerStoppedWhileTheOtherWritesAndStartedAgain_catchesUp() throws Exception {
    startBoth(true);
    createTable(eastClient);
    replicate(eastClient, westClient);
    putItems(eastClient, 0, 100);
    awaitIdentical(eastClient, westClient);

    west.close();
    west = null;
    putItems(eastClient, 100, 300);
    for (int n = 0; n < 50; n++) {
      int id = n;
      eastClient.deleteItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS(id(id)))));
    }
    west = start(WEST, westPort, EAST, eastPort, true);

    awaitIdentical(eastClient, westClient);
    assertThat(scan(westClient)).hasSize(250);
  }

  @Test
  void replicaUpdatesDelete_ofAnActiveReplica_deletesThePeersTableAndLeavesARegionalTable() throws Exception {
    startBoth(false);
    createTable(eastClient);
    replicate(eastClient, westClient);

    TableDescription deleting = eastClient.updateTable(r -> r.tableName("orders").replicaUpdates(
        ReplicationGroupUpdate.builder().delete(d -> d.regionName(WEST)).build())).tableDescription();

    assertThat(deleting.replicas()).extracting(ReplicaDescription::replicaStatus)
        .containsExactly(ReplicaStatus.DELETING);
    await("the replica's table gone from " + WEST, () -> !exists(westClient));
    await("no replica left", () -> eastClient.describeTable(r -> r.tableName("orders")).table().replicas()
        .isEmpty());
    assertThat(eastClient.describeTable(r -> r.tableName("orders")).table().hasReplicas()).isFalse();
  }

  @Test
  void deleteTable_ofAReplica_theOtherRegionDropsIt() throws Exception {
    startBoth(false);
    createTable(eastClient);
    replicate(eastClient, westClient);

    westClient.deleteTable(r -> r.tableName("orders"));

    await("the deleted replica dropped in " + EAST, () -> eastClient.describeTable(r -> r.tableName("orders"))
        .table().replicas().isEmpty());
    eastClient.putItem(r -> r.tableName("orders").item(item(1, "after")));
    assertThat(exists(westClient)).isFalse();
  }

  @Test
  void replication_toAPeerThatVerifiesSignatures_signsWithTheKeyItsPeersListGives() throws Exception {
    west = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withPort(westPort)
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(westData.resolve("auth.key")))
        .withRegion(WEST, List.of(peer(EAST, eastPort, "AKIDANY", "any-secret"))));
    west.principals().createUser("replicator", true);
    NewAccessKey key = west.principals().createAccessKey("replicator");
    east = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withPort(eastPort)
        .withRegion(EAST, List.of(peer(WEST, westPort, key.key().id(), key.secret()))));
    eastClient = client(EAST, eastPort);
    westClient = client(WEST, westPort, key.key().id(), key.secret());
    createTable(eastClient);
    replicate(eastClient, westClient);

    eastClient.putItem(r -> r.tableName("orders").item(item(1, "signed")));
    westClient.putItem(r -> r.tableName("orders").item(item(2, "signed")));

    awaitIdentical(eastClient, westClient);
    assertThat(scan(westClient)).hasSize(2);
  }

  @Test
  void updateTable_replicaUpdatesRefused_inDynamoDbsWords() throws Exception {
    startBoth(false);
    createTable(eastClient);

    // The service's words as the AWS provider for Terraform quotes them (internal/service/dynamodb/table.go).
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .create(c -> c.regionName(EAST)).build()),
        "Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or"
            + " UpdateTable as required.");
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .delete(d -> d.regionName(WEST)).build()),
        "Replica specified in the Replica Update or Replica Delete action of the request was not found.");
    // ShaleDB's words: a deployment replicates only to the peers it was given.
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .create(c -> c.regionName("ap-south-1")).build()),
        "Region ap-south-1 is not a peer of this deployment: its peers are [eu-west-1]");

    replicate(eastClient, westClient);
    // As emulators record the service's answer when the replica's region already holds the table.
    assertRefused(() -> replicaUpdate(eastClient, ReplicationGroupUpdate.builder()
            .create(c -> c.regionName(WEST)).build()),
        "Failed to create a the new replica of table with name: 'orders' because one or more replicas already existed"
            + " as tables.");
    // terraform-aws-modules/terraform-aws-dynamodb-table pull request 30 quotes the service.
    assertRefused(() -> eastClient.updateTable(r -> r.tableName("orders")
            .streamSpecification(s -> s.streamEnabled(false))),
        "One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.");
  }

  /** The value of the orders table's series to the other region whose line starts with {@code series}. */
  private static double metric(@Nullable ShaleDbServer server, String series) {
    HttpResponse<String> scrape;
    try (HttpClient http = HttpClient.newHttpClient()) {
      scrape = http.send(HttpRequest.newBuilder(URI.create(Objects.requireNonNull(server).endpoint() + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return scrape.body().lines().filter(line -> line.startsWith(series) && line.contains("TableName=\"orders\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + series + " in " + scrape.body()));
  }

  /** Starts both regions, the western one on RocksDB when {@code westDurable}, with a client of each. */
  private void startBoth(boolean westDurable) throws InterruptedException {
    east = start(EAST, eastPort, WEST, westPort, false);
    west = start(WEST, westPort, EAST, eastPort, westDurable);
    eastClient = client(EAST, eastPort);
    westClient = client(WEST, westPort);
  }

  private ShaleDbServer start(String region, int port, String peer, int peerPort, boolean durable)
      throws InterruptedException {
    ServerConfig base = durable ? ServerConfig.durableOnRandomPort(westData) : ServerConfig.inMemoryOnRandomPort();
    return ShaleDbServer.start(base.withPort(port).withRegion(region,
        List.of(peer(peer, peerPort, "AKIDREPLICATOR", "replicator-secret"))));
  }

  static PeerEndpoint peer(String region, int port, String accessKeyId, String secret) {
    return new PeerEndpoint(region, URI.create("http://127.0.0.1:" + port), accessKeyId, secret);
  }

  static DynamoDbClient client(String region, int port) {
    return client(region, port, "AKIDTEST", "secret");
  }

  private static DynamoDbClient client(String region, int port, String accessKeyId, String secret) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void createTable(DynamoDbClient client) {
    client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("status", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
            .keySchema(Tables.key("status", KeyType.HASH)).projection(p -> p.projectionType("ALL")).build()));
  }

  /** Creates the replica of {@code east}'s table in {@code west} and waits until it is ACTIVE. */
  static void replicate(DynamoDbClient east, DynamoDbClient west) {
    replicaUpdate(east, ReplicationGroupUpdate.builder().create(c -> c.regionName(WEST)).build());
    await("the replica ACTIVE", () -> replica(east).replicaStatus() == ReplicaStatus.ACTIVE && active(west));
  }

  static void replicaUpdate(DynamoDbClient client, ReplicationGroupUpdate update) {
    client.updateTable(r -> r.tableName("orders").replicaUpdates(update));
  }

  static ReplicaDescription replica(DynamoDbClient client) {
    return client.describeTable(r -> r.tableName("orders")).table().replicas().getFirst();
  }

  static boolean exists(DynamoDbClient client) {
    return status(client) != null;
  }

  /** Whether the client's region has the table and it is ACTIVE (a replica is CREATING until it is filled). */
  static boolean active(DynamoDbClient client) {
    return status(client) == TableStatus.ACTIVE;
  }

  private static @Nullable TableStatus status(DynamoDbClient client) {
    try {
      return client.describeTable(r -> r.tableName("orders")).table().tableStatus();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  static String id(int n) {
    return String.format("item-%05d", n);
  }

  private static Map<String, AttributeValue> item(int n, String value) {
    return Map.of("id", AttributeValue.fromS(id(n)), "status", AttributeValue.fromS(value),
        "n", AttributeValue.fromN(Integer.toString(n)));
  }

  static void putItems(DynamoDbClient client, int from, int to) {
    for (int start = from; start < to; start += 25) {
      List<WriteRequest> batch = IntStream.range(start, Math.min(to, start + 25)).mapToObj(n -> WriteRequest
          .builder().putRequest(p -> p.item(item(n, "new"))).build()).toList();
      client.batchWriteItem(r -> r.requestItems(Map.of("orders", batch)));
    }
  }

  /** Writes, updates and deletes random items among the first 2,000 until stopped, counting them. */
  static void write(DynamoDbClient client, AtomicBoolean stop, String writer, AtomicInteger writes) {
    write(client, stop, writer, writes, WAIT);
  }

  /** As {@link #write(DynamoDbClient, AtomicBoolean, String, AtomicInteger)}, for at most {@code longest}. */
  static void write(DynamoDbClient client, AtomicBoolean stop, String writer, AtomicInteger writes,
      Duration longest) {
    Instant deadline = Instant.now().plus(longest);
    while (!stop.get() && Instant.now().isBefore(deadline)) {
      int n = ThreadLocalRandom.current().nextInt(2_000);
      switch (ThreadLocalRandom.current().nextInt(4)) {
        case 0 -> client.deleteItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS(id(n)))));
        case 1 -> client.updateItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS(id(n))))
            .updateExpression("SET touched = :w").expressionAttributeValues(Map.of(":w",
                AttributeValue.fromS(writer))));
        default -> client.putItem(r -> r.tableName("orders").item(item(n, writer)));
      }
      writes.incrementAndGet();
    }
  }

  /** One round of writes of the same 20 items in one region, some of them deletions. */
  static void conflicting(DynamoDbClient client, String writer, int round) {
    for (int n = 0; n < 20; n++) {
      int id = n;
      if ((n + round) % 7 == 0) {
        client.deleteItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS(id(id)))));
      } else {
        client.putItem(r -> r.tableName("orders").item(item(id, writer + "-" + round)));
      }
    }
  }

  static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient client) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    client.scanPaginator(r -> r.tableName("orders").consistentRead(true)).items()
        .forEach(item -> items.put(item.get("id").s(), item));
    return items;
  }

  /** Waits until both regions hold the same items, then asserts it item by item. */
  static void awaitIdentical(DynamoDbClient east, DynamoDbClient west) {
    awaitIdentical(east, west, WAIT);
  }

  static void awaitIdentical(DynamoDbClient east, DynamoDbClient west, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    while (!scan(east).equals(scan(west)) && Instant.now().isBefore(deadline)) {
      pause();
    }
    assertThat(scan(west)).isEqualTo(scan(east));
  }

  static void await(String what, BooleanSupplier condition) {
    await(what, WAIT, condition);
  }

  static void await(String what, Duration wait, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(wait);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what + " within " + wait).isBefore(deadline);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void assertRefused(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}
