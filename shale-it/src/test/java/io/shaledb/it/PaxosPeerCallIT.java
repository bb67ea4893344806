package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.consensus.ItemValue;
import io.shaledb.core.consensus.PaxosCodec;
import io.shaledb.core.consensus.PaxosTransport;
import io.shaledb.core.consensus.Proposer;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.replication.HttpPeerLink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The consensus peer call ({@code ShaleDBReplication_20261205.Paxos}) between three ShaleDB servers on loopback: a
 * {@link Proposer} of one region runs its rounds over the signed HTTP calls on the three regions' replicas of a table of
 * strong consistency, and one of another region reads what it wrote; with one region stopped, writes go on.
 */
class PaxosPeerCallIT {
  private static final String SOUTH = "ap-south-1";
  private static final List<String> REGIONS = List.of(EAST, WEST, SOUTH);
  private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(2);

  private final List<Integer> ports = List.of(GlobalTablesIT.freePort(), GlobalTablesIT.freePort(),
      GlobalTablesIT.freePort());
  private final List<ShaleDbServer> servers = new ArrayList<>();
  private final Map<String, HttpPeerLink> links = new TreeMap<>();
  private DynamoDbClient east;
  private DynamoDbClient west;
  private DynamoDbClient south;

  @BeforeEach
  void start() throws InterruptedException {
    ThreeRegionGlobalTablesIT.startMesh(REGIONS, ports, servers);
    east = GlobalTablesIT.client(EAST, ports.get(0));
    west = GlobalTablesIT.client(WEST, ports.get(1));
    south = GlobalTablesIT.client(SOUTH, ports.get(2));
    for (int i = 0; i < REGIONS.size(); i++) {
      links.put(REGIONS.get(i), new HttpPeerLink(GlobalTablesIT.peer(REGIONS.get(i), ports.get(i), "AKIDREPLICATOR",
          "replicator-secret"), Clock.systemUTC()));
    }
  }

  @AfterEach
  void stop() {
    links.values().forEach(HttpPeerLink::close);
    servers.forEach(ShaleDbServer::close);
  }

  @Test
  void proposer_overThePeerCall_writesInOneRegionWhatAnotherReadsAndGoesOnWithOneRegionStopped() {
    StrongConsistencyItemsIT.makeStrong(east, List.of(east, west, south));
    byte[] key = key("k1");

    proposer(EAST).write("orders", key, current -> value("k1", "v1"));

    assertThat(item(proposer(WEST).read("orders", key))).isEqualTo(item("k1", "v1"));
    assertThat(east.getItem(r -> r.tableName("orders").key(Map.of("id", s("k1")))).item())
        .as("the proposer's region committed it before the write returned").containsEntry("v", s("v1"));
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> committed = Map.of("id", s("k1"),
        "v", s("v1"), "status", s("new"));
    GlobalTablesIT.await("the commit reached the other regions too", () -> REGIONS.stream().allMatch(region ->
        committed.equals(GlobalTablesIT.scan(client(region)).get("k1"))));

    servers.remove(2).close();
    proposer(WEST).write("orders", key, current -> {
      assertThat(item(current)).as("the write is made on the latest value").isEqualTo(item("k1", "v1"));
      return value("k1", "v2");
    });

    assertThat(item(proposer(EAST).read("orders", key))).isEqualTo(item("k1", "v2"));
  }

  /** A proposer of {@code region} whose every request, its own region's too, goes over the peer call. */
  private Proposer proposer(String region) {
    PaxosTransport transport = (member, table, key, request) -> links.get(member)
        .paxos(table, region, key, PaxosCodec.encode(request)).thenApply(PaxosCodec::decodeReply);
    return new Proposer(region, List.copyOf(links.keySet()), transport, Clock.systemUTC(), PHASE_TIMEOUT);
  }

  private DynamoDbClient client(String region) {
    return Map.of(EAST, east, WEST, west, SOUTH, south).get(region);
  }

  /** The item's key as the peer call carries it: without the keyspace id, which each region has its own of. */
  private static byte[] key(String id) {
    byte[] stored = KeyCodec.itemKey(0, new AttributeValue.S(id), null);
    return Arrays.copyOfRange(stored, KeyCodec.KEYSPACE_BYTES, stored.length);
  }

  private static ItemValue value(String id, String v) {
    return new ItemValue(ItemCodec.encode(item(id, v)));
  }

  private static Map<String, AttributeValue> item(String id, String v) {
    return Map.of("id", new AttributeValue.S(id), "v", new AttributeValue.S(v), "status", new AttributeValue.S("new"));
  }

  private static Map<String, AttributeValue> item(ItemValue value) {
    return ItemCodec.decode(Objects.requireNonNull(value.bytes(), "a value written"));
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
  }
}
