package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.consensus.PaxosRequest;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.replication.PeerEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A region that missed the commit of its own write on a table of multi-region strong consistency catches up through
 * replication (docs/global-tables.md, "A region that was down"), through the SDK with three servers on loopback. The
 * writer region's calls to its peers pass through {@link PaxosReplyDropper}s that lose the replies to its Accepts:
 * both peers accept its value, it never learns so and never commits it. It is stopped, a strong read in another
 * region finishes the value there, and once the writer is restarted from its data, its eventually consistent reads
 * and its stream show the value, which every region's stream holds once.
 */
class StrongConsistencyCatchUpIT {
  private static final String SOUTH = "ap-south-1";
  private static final List<String> REGIONS = List.of(EAST, WEST, SOUTH);
  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("k"));
  private static final Map<String, AttributeValue> ITEM = Map.of("id", AttributeValue.fromS("k"), "v",
      AttributeValue.fromN("1"));

  private final List<Integer> ports = List.of(GlobalTablesIT.freePort(), GlobalTablesIT.freePort(),
      GlobalTablesIT.freePort());
  private final ShaleDbServer[] servers = new ShaleDbServer[3];
  private final List<DynamoDbClient> clients = new ArrayList<>();
  private final List<PaxosReplyDropper> droppers = new ArrayList<>();

  @TempDir
  Path eastData;

  @BeforeEach
  void start() throws IOException, InterruptedException {
    droppers.add(new PaxosReplyDropper(ports.get(1)));
    droppers.add(new PaxosReplyDropper(ports.get(2)));
    for (int i = 0; i < REGIONS.size(); i++) {
      servers[i] = start(i);
      clients.add(StrongConsistencyItemsIT.client(REGIONS.get(i), ports.get(i)));
    }
    StrongConsistencyItemsIT.makeStrong(clients.get(0), clients);
  }

  @AfterEach
  void stop() {
    Arrays.stream(servers).filter(server -> server != null).forEach(ShaleDbServer::close);
    droppers.forEach(PaxosReplyDropper::close);
  }

  /** Region {@code i}'s server; the first keeps its data on disk and reaches the others through the droppers. */
  private ShaleDbServer start(int i) throws InterruptedException {
    List<PeerEndpoint> peers = new ArrayList<>();
    for (int j = 0; j < REGIONS.size(); j++) {
      if (j != i) {
        int port = i == 0 ? droppers.get(j - 1).port() : ports.get(j);
        peers.add(GlobalTablesIT.peer(REGIONS.get(j), port, "AKIDREPLICATOR", "replicator-secret"));
      }
    }
    ServerConfig base = i == 0 ? ServerConfig.durableOnRandomPort(eastData) : ServerConfig.inMemoryOnRandomPort();
    return ShaleDbServer.start(base.withPort(ports.get(i)).withRegion(REGIONS.get(i), peers));
  }

  @Test
  void writerThatNeverLearntItsValueWasAccepted_stoppedWhileAnotherRegionFinishesIt_catchesUpOnceRestarted()
      throws InterruptedException {
    DynamoDbClient writer = clients.get(0);
    DynamoDbClient west = clients.get(1);
    DynamoDbClient south = clients.get(2);
    droppers.forEach(dropper -> dropper.loseRepliesOf(request -> request instanceof PaxosRequest.Accept));

    assertThatThrownBy(() -> writer.putItem(r -> r.tableName("orders").item(ITEM)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    servers[0].close();
    servers[0] = null;
    assertThat(west.getItem(r -> r.tableName("orders").key(KEY).consistentRead(true)).item())
        .as("a strong read finishes the value both peers accepted").isEqualTo(ITEM);
    GlobalTablesIT.await("the other replica holds it", () -> ITEM.equals(south.getItem(r -> r.tableName("orders")
        .key(KEY)).item()));

    droppers.forEach(dropper -> dropper.loseRepliesOf(request -> false));
    servers[0] = start(0);
    GlobalTablesIT.await("the restarted writer region holds its value", Duration.ofSeconds(60),
        () -> ITEM.equals(writer.getItem(r -> r.tableName("orders").key(KEY)).item()));

    for (int i = 0; i < REGIONS.size(); i++) {
      assertThat(newImages(i)).as(REGIONS.get(i)).containsExactly(ITEM);
    }
  }

  /** The new images of every record in region {@code i}'s stream of the table, shard by shard. */
  private List<Map<String, AttributeValue>> newImages(int i) {
    try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + ports.get(i))).region(Region.of(REGIONS.get(i)))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .build()) {
      String arn = clients.get(i).describeTable(r -> r.tableName("orders")).table().latestStreamArn();
      List<Map<String, AttributeValue>> images = new ArrayList<>();
      for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
          String current = iterator;
          GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
          page.records().stream().map(Record::dynamodb).map(StreamRecord::newImage).forEach(images::add);
          if (page.records().isEmpty()) {
            break;
          }
          iterator = page.nextShardIterator();
        }
      }
      return images;
    }
  }
}
