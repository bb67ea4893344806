package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.server.ShaleDbServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;

/**
 * The other entry points of a global table of multi-region strong consistency (docs/global-tables.md, "A strongly
 * consistent read"), through the SDK against three ShaleDB servers on loopback: BatchGetItem, Query, Scan and PartiQL
 * SELECTs with ConsistentRead read the latest write of any region at once, PartiQL writes go through the consensus, and
 * ExecuteTransaction is refused. The clients do not retry, so every answer is the server's own.
 */
class StrongConsistencyReadsIT {
  private static final String SOUTH = "ap-south-1";
  private static final List<String> REGIONS = List.of(EAST, WEST, SOUTH);

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
    StrongConsistencyItemsIT.makeStrong(clients.get(0), clients);
  }

  @AfterEach
  void stop() {
    servers.forEach(ShaleDbServer::close);
  }

  @Test
  void batchGetItem_consistent_seesAWriteOfAnotherRegionAtOnce() {
    for (int n = 0; n < 12; n++) {
      DynamoDbClient writer = clients.get(n % 3);
      DynamoDbClient reader = clients.get((n + 1) % 3);
      Map<String, AttributeValue> a = Map.of("id", s("a"), "v", num(n));
      Map<String, AttributeValue> b = Map.of("id", s("b"), "v", num(n));
      writer.putItem(r -> r.tableName("orders").item(a));
      writer.putItem(r -> r.tableName("orders").item(b));

      BatchGetItemResponse read = reader.batchGetItem(r -> r.requestItems(Map.of("orders", KeysAndAttributes.builder()
          .keys(List.of(Map.of("id", s("a")), Map.of("id", s("b")), Map.of("id", s("absent")))).consistentRead(true)
          .build())));

      assertThat(read.responses().get("orders")).as("round %d", n).containsExactlyInAnyOrder(a, b);
      assertThat(read.unprocessedKeys()).isEmpty();
    }
    // An eventually consistent batch reads the region's own copy, which may not have the last write yet.
    assertThat(clients.get(0).batchGetItem(r -> r.requestItems(Map.of("orders", KeysAndAttributes.builder()
        .keys(List.of(Map.of("id", s("a")))).consistentRead(false).build()))).unprocessedKeys()).isEmpty();
  }

  @Test
  void partiql_consistentSelectOfOneItem_seesAWriteOfAnotherRegionAtOnce_andItsWritesGoThroughTheConsensus() {
    clients.get(2).executeStatement(r -> r.statement("INSERT INTO orders VALUE {'id': 'k', 'v': 0}"));
    for (int n = 0; n < 12; n++) {
      DynamoDbClient writer = clients.get(n % 3);
      DynamoDbClient reader = clients.get((n + 1) % 3);
      int value = n;
      writer.executeStatement(r -> r.statement("UPDATE orders SET v = ? WHERE id = 'k'").parameters(num(value)));

      assertThat(reader.executeStatement(r -> r.statement("SELECT * FROM orders WHERE id = 'k'")
          .consistentRead(true)).items()).as("round %d", n).containsExactly(Map.of("id", s("k"), "v", num(n)));
      assertThat(clients.get((n + 2) % 3).batchExecuteStatement(r -> r.statements(BatchStatementRequest.builder()
          .statement("SELECT v FROM orders WHERE id = 'k'").consistentRead(true).build())).responses().getFirst()
          .item()).isEqualTo(Map.of("v", num(n)));
    }
    clients.get(1).executeStatement(r -> r.statement("DELETE FROM orders WHERE id = 'k'"));
    assertThat(clients.get(2).getItem(r -> r.tableName("orders").key(Map.of("id", s("k"))).consistentRead(true))
        .hasItem()).isFalse();
  }

  @Test
  void queryAndScan_consistent_seeAWriteOfAnotherRegionAtOnce_whileAnEventualQueryReadsTheRegionsOwnCopy() {
    for (int n = 0; n < 12; n++) {
      DynamoDbClient writer = clients.get(n % 3);
      DynamoDbClient reader = clients.get((n + 1) % 3);
      Map<String, AttributeValue> item = Map.of("id", s("q"), "v", num(n));
      Map<String, AttributeValue> added = Map.of("id", s("s" + n), "v", num(n));
      writer.putItem(r -> r.tableName("orders").item(item));
      writer.putItem(r -> r.tableName("orders").item(added));

      assertThat(reader.query(r -> r.tableName("orders").keyConditionExpression("id = :q")
          .expressionAttributeValues(Map.of(":q", s("q"))).consistentRead(true)).items())
          .as("round %d", n).containsExactly(item);
      List<Map<String, AttributeValue>> scanned = new ArrayList<>();
      reader.scanPaginator(r -> r.tableName("orders").consistentRead(true).limit(3)).items().forEach(scanned::add);
      assertThat(scanned).as("round %d", n).hasSize(n + 2).contains(item, added).doesNotHaveDuplicates();
      List<Map<String, AttributeValue>> eventual = reader.query(r -> r.tableName("orders")
          .keyConditionExpression("id = :q").expressionAttributeValues(Map.of(":q", s("q"))).consistentRead(false))
          .items();
      // The region's own copy: the write once its commit or stream arrived, else an earlier value.
      int round = n;
      assertThat(eventual).allSatisfy(found -> assertThat(Integer.parseInt(found.get("v").n()))
          .isLessThanOrEqualTo(round));
    }
  }

  @Test
  void executeTransaction_onTheTable_isRefused() {
    assertThatThrownBy(() -> clients.get(0).executeTransaction(r -> r.transactStatements(ParameterizedStatement
        .builder().statement("INSERT INTO orders VALUE {'id': 'k'}").build())))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transactions are not supported on a global table"
              + " with multi-Region strong consistency: Table: orders");
        });
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue num(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
