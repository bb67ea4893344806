package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ShaleDbServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;

/**
 * Prints the latency of PutItem and of a strongly consistent GetItem on a global table of three in-memory servers on
 * loopback, of strong and of eventual consistency, and of Query and Scan strongly consistent and eventual on one of
 * strong consistency, as the SDK client sees it (the figures of docs/benchmarks.md,
 * "Multi-region strong consistency"). It asserts only that the requests succeeded: latency is measured, not tested.
 */
@Tag("slow")
class StrongConsistencyLatencyIT {
  private static final String SOUTH = "ap-south-1";
  private static final List<String> REGIONS = List.of(EAST, WEST, SOUTH);
  private static final int WARMUP = 300;
  private static final int MEASURED = 1_000;

  private final List<Integer> ports = List.of(GlobalTablesIT.freePort(), GlobalTablesIT.freePort(),
      GlobalTablesIT.freePort());
  private final List<ShaleDbServer> servers = new ArrayList<>();
  private final List<DynamoDbClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws InterruptedException {
    ThreeRegionGlobalTablesIT.startMesh(REGIONS, ports, servers);
    for (int i = 0; i < REGIONS.size(); i++) {
      clients.add(StrongConsistencyItemsIT.client(REGIONS.get(i), ports.get(i)));
    }
  }

  @AfterEach
  void stop() {
    servers.forEach(ShaleDbServer::close);
  }

  @ParameterizedTest
  @EnumSource(value = MultiRegionConsistency.class, names = {"EVENTUAL", "STRONG"})
  void putItemInOneRegion_andStronglyConsistentGetItemInAnother_latency(MultiRegionConsistency consistency) {
    DynamoDbClient east = clients.get(0);
    DynamoDbClient west = clients.get(1);
    if (consistency == MultiRegionConsistency.STRONG) {
      StrongConsistencyItemsIT.makeStrong(east, clients);
    } else {
      GlobalTablesIT.createTable(east);
      GlobalTablesIT.replicate(east, west);
      GlobalTablesIT.replicaUpdate(east, ReplicationGroupUpdate.builder().create(c -> c.regionName(SOUTH)).build());
      GlobalTablesIT.await("three regions ACTIVE", () -> GlobalTablesIT.active(clients.get(2)) && clients.stream()
          .allMatch(client -> client.describeTable(r -> r.tableName("orders")).table().replicas().stream()
              .allMatch(replica -> replica.replicaStatus() == ReplicaStatus.ACTIVE)));
    }
    long[] writes = new long[MEASURED];
    long[] reads = new long[MEASURED];
    for (int n = -WARMUP; n < MEASURED; n++) {
      Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("item-" + (n & 63)),
          "v", AttributeValue.fromN(Integer.toString(n)));
      long started = System.nanoTime();
      east.putItem(r -> r.tableName("orders").item(item));
      long written = System.nanoTime();
      Map<String, AttributeValue> read = west.getItem(r -> r.tableName("orders").key(Map.of("id", item.get("id")))
          .consistentRead(true)).item();
      long done = System.nanoTime();
      if (n >= 0) {
        writes[n] = written - started;
        reads[n] = done - written;
      }
      if (consistency == MultiRegionConsistency.STRONG) {
        assertThat(read).isEqualTo(item);
      }
    }
    System.out.printf("%s global table, three in-memory regions on loopback, %d sequential requests after %d:"
        + " PutItem p50 %.2f ms p99 %.2f ms; GetItem ConsistentRead in another region p50 %.2f ms p99 %.2f ms%n",
        consistency, MEASURED, WARMUP, percentile(writes, 50), percentile(writes, 99), percentile(reads, 50),
        percentile(reads, 99));
    assertThat(east.describeTable(r -> r.tableName("orders")).table().replicas())
        .extracting(ReplicaDescription::regionName).containsExactlyInAnyOrder(WEST, SOUTH);
  }

  @Test
  void queryAndScan_stronglyConsistentVersusEventual_latency() {
    DynamoDbClient east = clients.get(0);
    DynamoDbClient west = clients.get(1);
    StrongConsistencyItemsIT.makeStrong(east, clients);
    for (int i = 0; i < 64; i++) {
      int id = i;
      east.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("item-" + id),
          "v", AttributeValue.fromN("0"))));
    }
    List<String> reads = List.of("Query ConsistentRead", "Query eventual", "Scan ConsistentRead", "Scan eventual");
    long[][] nanos = new long[reads.size()][MEASURED];
    for (int n = -WARMUP; n < MEASURED; n++) {
      Map<String, AttributeValue> key = Map.of(":id", AttributeValue.fromS("item-" + (n & 63)));
      for (int read = 0; read < reads.size(); read++) {
        boolean strong = read % 2 == 0;
        long started = System.nanoTime();
        int found = read < 2
            ? west.query(r -> r.tableName("orders").keyConditionExpression("id = :id").expressionAttributeValues(key)
                .consistentRead(strong)).count()
            : west.scan(r -> r.tableName("orders").consistentRead(strong)).count();
        if (n >= 0) {
          nanos[read][n] = System.nanoTime() - started;
        }
        assertThat(found).isEqualTo(read < 2 ? 1 : 64);
      }
    }
    StringBuilder figures = new StringBuilder();
    for (int read = 0; read < reads.size(); read++) {
      figures.append(String.format("; %s p50 %.2f ms p99 %.2f ms", reads.get(read), percentile(nanos[read], 50),
          percentile(nanos[read], 99)));
    }
    System.out.printf("STRONG global table, three in-memory regions on loopback, 64 items, %d rounds after %d, read"
        + " in another region than the writes: Query of one item, Scan of all%s%n", MEASURED, WARMUP, figures);
  }

  private static double percentile(long[] nanos, int percent) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
  }
}
