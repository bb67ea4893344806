package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static io.shaledb.it.GlobalTablesIT.await;
import static io.shaledb.it.GlobalTablesIT.awaitIdentical;
import static io.shaledb.it.GlobalTablesIT.client;
import static io.shaledb.it.GlobalTablesIT.createTable;
import static io.shaledb.it.GlobalTablesIT.freePort;
import static io.shaledb.it.GlobalTablesIT.id;
import static io.shaledb.it.GlobalTablesIT.peer;
import static io.shaledb.it.GlobalTablesIT.replicate;
import static io.shaledb.it.GlobalTablesIT.scan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.model.AttributeValue.S;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.replication.HttpPeerLink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tombstone reclamation of a global table between two servers of different regions (docs/global-tables.md, "Deletes
 * and tombstones"), with a horizon of one second and no rest between sweeps instead of ten minutes and one: the
 * tombstones of items deleted in both regions are reclaimed in both (the servers' {@code shaledb_tombstones_reclaimed}
 * counter says how many), and a change older than a tombstone never brings its item back, whether it is a replication
 * call replayed after the tombstone was reclaimed or a write a stopped region still had to send, which holds the
 * tombstone until it arrived.
 */
@Tag("slow")
class TombstoneReclamationIT {
  private static final TombstoneReclamation SHORT =
      new TombstoneReclamation(Duration.ofSeconds(1), Duration.ZERO);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final int eastPort = freePort();
  private final int westPort = freePort();
  private @Nullable ShaleDbServer east;
  private @Nullable ShaleDbServer west;
  private final DynamoDbClient eastClient = client(EAST, eastPort);
  private final DynamoDbClient westClient = client(WEST, westPort);

  @TempDir
  Path eastData;

  @TempDir
  Path westData;

  @AfterEach
  void stop() {
    for (ShaleDbServer server : new ShaleDbServer[] {east, west}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void reclaim_itemsDeletedInBothRegions_tombstonesGoInBothAndAReplayedOlderChangeDoesNotBringAnItemBack()
      throws Exception {
    startReplicated(null, null);
    long beforeWrites = Clock.systemUTC().millis();
    put(eastClient, 0, 10, "east");
    put(westClient, 10, 20, "west");
    awaitIdentical(eastClient, westClient);

    delete(eastClient, 0, 5);
    delete(westClient, 15, 20);

    await("the ten tombstones reclaimed in both regions", WAIT,
        () -> reclaimed(east) == 10 && reclaimed(west) == 10);
    // Each region's call with its older write of a deleted item, arriving again in the other.
    replay(eastPort, WEST, 17, beforeWrites);
    replay(westPort, EAST, 2, beforeWrites);
    assertThat(scan(eastClient).keySet()).as("east").containsExactlyInAnyOrderElementsOf(ids(5, 15));
    assertThat(scan(westClient).keySet()).as("west").containsExactlyInAnyOrderElementsOf(ids(5, 15));
    assertThat(reclaimed(east)).isEqualTo(10);
  }

  @Test
  void reclaim_regionStoppedWithAnOlderWriteOfTheDeletedItem_tombstoneHeldUntilTheWriteArrivedAndRefusedIt()
      throws Exception {
    startReplicated(eastData, westData);
    put(eastClient, 0, 2, "east");
    awaitIdentical(eastClient, westClient);

    // The west writes item 0 while the east is down, and stops before it could send it.
    Objects.requireNonNull(east).close();
    east = null;
    put(westClient, 0, 1, "west, unsent");
    Objects.requireNonNull(west).close();
    west = null;
    east = start(EAST, eastPort, WEST, westPort, eastData);
    delete(eastClient, 0, 2);
    // Past the horizon many times over: item 1's tombstone could go were the west's watermark not behind it.
    Thread.sleep(SHORT.horizon().multipliedBy(4).toMillis());
    assertThat(reclaimed(east)).as("held while the west may still send an older change").isZero();

    west = start(WEST, westPort, EAST, eastPort, westData);

    await("both tombstones reclaimed in both regions", WAIT, () -> reclaimed(east) == 2 && reclaimed(west) == 2);
    assertThat(scan(eastClient)).as("the west's older write refused").isEmpty();
    assertThat(scan(westClient)).isEmpty();
  }

  /** Starts both regions, durable in the directories given, with the orders table replicated between them. */
  private void startReplicated(@Nullable Path eastDurableIn, @Nullable Path westDurableIn)
      throws InterruptedException {
    east = start(EAST, eastPort, WEST, westPort, eastDurableIn);
    west = start(WEST, westPort, EAST, eastPort, westDurableIn);
    createTable(eastClient);
    replicate(eastClient, westClient);
  }

  private ShaleDbServer start(String region, int port, String peer, int peerPort, @Nullable Path durableIn)
      throws InterruptedException {
    ServerConfig base = durableIn == null ? ServerConfig.inMemoryOnRandomPort()
        : ServerConfig.durableOnRandomPort(durableIn);
    return ShaleDbServer.start(base.withPort(port).withTombstones(SHORT)
        .withRegion(region, List.of(peer(peer, peerPort, "AKIDREPLICATOR", "replicator-secret"))));
  }

  /** Sends, as {@code source} would, a change of item {@code n} made at {@code millis}, to the server on {@code port}. */
  private static void replay(int port, String source, int n, long millis) {
    String target = source.equals(EAST) ? WEST : EAST;
    HttpPeerLink link = new HttpPeerLink(peer(target, port, "AKIDREPLICATOR", "replicator-secret"),
        Clock.systemUTC());
    try {
      S id = new S(id(n));
      link.apply("orders", source, List.of(new ReplicatedChange(Map.of("id", id), Map.of("id", id, "status",
          new S("replayed")), new ReplicationStamp(millis, source), false)), OptionalLong.empty());
    } finally {
      link.close();
    }
  }

  private static void put(DynamoDbClient client, int from, int to, String status) {
    for (int n = from; n < to; n++) {
      int id = n;
      client.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS(id(id)), "status",
          AttributeValue.fromS(status))));
    }
  }

  private static void delete(DynamoDbClient client, int from, int to) {
    for (int n = from; n < to; n++) {
      int id = n;
      client.deleteItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS(id(id)))));
    }
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(GlobalTablesIT::id).toList();
  }

  /** The tombstones of the orders table the server reclaimed since it started, from its metrics. */
  private static double reclaimed(@Nullable ShaleDbServer server) {
    HttpResponse<String> scrape;
    try (HttpClient http = HttpClient.newHttpClient()) {
      scrape = http.send(HttpRequest.newBuilder(URI.create(Objects.requireNonNull(server).endpoint() + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return scrape.body().lines()
        .filter(line -> line.startsWith("shaledb_tombstones_reclaimed_total{") && line.contains("\"orders\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }
}
