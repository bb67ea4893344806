package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static io.shaledb.it.GlobalTablesIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.shaledb.server.ShaleDbServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableGlobalSecondaryIndexSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndexSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReplicaSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReplicaUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The global tables API of version 2017.11.29 through the AWS SDK, with three ShaleDB servers on loopback, each its
 * own region: CreateGlobalTable joins existing empty tables that then replicate both ways; DescribeGlobalTable,
 * ListGlobalTables (filtered by region, paginated) and DescribeTable's GlobalTableVersion describe it in every
 * region; UpdateGlobalTable adds a third region (whose writes then reach both others) and takes one out (its table
 * stays, regional); the settings operations set the shared write capacity and a replica's read capacity in the
 * regions concerned; and each documented refusal is answered with its exception type.
 */
class LegacyGlobalTablesIT {
  private static final String SOUTH = "ap-south-1";
  private static final String TABLE = "orders";

  private final List<Integer> ports = List.of(GlobalTablesIT.freePort(), GlobalTablesIT.freePort(),
      GlobalTablesIT.freePort());
  private final List<ShaleDbServer> servers = new ArrayList<>();
  private DynamoDbClient east;
  private DynamoDbClient west;
  private DynamoDbClient south;

  @BeforeEach
  void start() throws InterruptedException {
    ThreeRegionGlobalTablesIT.startMesh(List.of(EAST, WEST, SOUTH), ports, servers);
    east = GlobalTablesIT.client(EAST, ports.get(0));
    west = GlobalTablesIT.client(WEST, ports.get(1));
    south = GlobalTablesIT.client(SOUTH, ports.get(2));
  }

  @AfterEach
  void stop() {
    servers.forEach(ShaleDbServer::close);
  }

  @Test
  void createGlobalTable_ofTwoEmptyTables_describedEverywhereAndReplicatesBothWays() {
    createTable(east, TABLE);
    createTable(west, TABLE);

    GlobalTableDescription created = east.createGlobalTable(r -> r.globalTableName(TABLE)
        .replicationGroup(replica(EAST), replica(WEST))).globalTableDescription();

    assertThat(created.globalTableName()).isEqualTo(TABLE);
    assertThat(created.globalTableArn()).isEqualTo("arn:aws:dynamodb::000000000000:global-table/orders");
    assertThat(created.globalTableStatus()).isEqualTo(GlobalTableStatus.CREATING);
    assertThat(created.replicationGroup()).extracting(r -> r.regionName()).containsExactly(EAST, WEST);
    assertThat(created.creationDateTime()).isNotNull();
    awaitActive(east, TABLE);
    awaitActive(west, TABLE);
    assertThat(west.describeGlobalTable(r -> r.globalTableName(TABLE)).globalTableDescription().replicationGroup())
        .extracting(r -> r.regionName()).containsExactly(WEST, EAST);
    assertThat(east.describeTable(r -> r.tableName(TABLE)).table().globalTableVersion()).isEqualTo("2017.11.29");
    assertThat(west.describeTable(r -> r.tableName(TABLE)).table().globalTableVersion()).isEqualTo("2017.11.29");

    put(east, TABLE, "from-east");
    put(west, TABLE, "from-west");

    awaitItem(west, TABLE, "from-east");
    awaitItem(east, TABLE, "from-west");
  }

  @Test
  void listGlobalTables_filteredByRegionAndPaginated() {
    for (String name : List.of("alpha", "beta", "gamma")) {
      createTable(east, name);
      createTable(west, name);
      east.createGlobalTable(r -> r.globalTableName(name).replicationGroup(replica(EAST), replica(WEST)));
    }
    createTable(east, "regional");

    ListGlobalTablesResponse first = east.listGlobalTables(r -> r.limit(2));
    ListGlobalTablesResponse second = east.listGlobalTables(r -> r.limit(2)
        .exclusiveStartGlobalTableName(first.lastEvaluatedGlobalTableName()));

    assertThat(first.globalTables()).extracting(t -> t.globalTableName()).containsExactly("alpha", "beta");
    assertThat(first.lastEvaluatedGlobalTableName()).isEqualTo("beta");
    assertThat(first.globalTables().getFirst().replicationGroup()).extracting(r -> r.regionName())
        .containsExactly(EAST, WEST);
    assertThat(second.globalTables()).extracting(t -> t.globalTableName()).containsExactly("gamma");
    assertThat(second.lastEvaluatedGlobalTableName()).isNull();
    assertThat(east.listGlobalTables(r -> r.regionName(WEST)).globalTables()).hasSize(3);
    assertThat(east.listGlobalTables(r -> r.regionName(SOUTH)).globalTables()).isEmpty();
    await("every table joined in " + WEST, () -> west.listGlobalTables(r -> r.regionName(EAST)).globalTables()
        .size() == 3);
  }

  @Test
  void updateGlobalTable_addAThirdRegionThenTakeOneOut() {
    createTable(east, TABLE);
    createTable(west, TABLE);
    createTable(south, TABLE);
    east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST), replica(WEST)));
    awaitActive(east, TABLE);

    GlobalTableDescription added = east.updateGlobalTable(r -> r.globalTableName(TABLE)
        .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName(SOUTH)).build())).globalTableDescription();

    assertThat(added.replicationGroup()).extracting(r -> r.regionName()).containsExactly(EAST, WEST, SOUTH);
    awaitActive(east, TABLE);
    await("west replicates with south", () -> regions(west).contains(SOUTH));
    put(south, TABLE, "from-south");
    put(west, TABLE, "from-west");
    awaitItem(east, TABLE, "from-south");
    awaitItem(west, TABLE, "from-south");
    awaitItem(south, TABLE, "from-west");

    east.updateGlobalTable(r -> r.globalTableName(TABLE)
        .replicaUpdates(ReplicaUpdate.builder().delete(d -> d.regionName(WEST)).build()));

    await("west out of the global table in every region", () -> !regions(east).contains(WEST)
        && !regions(south).contains(WEST) && notGlobal(west));
    assertThat(west.describeTable(r -> r.tableName(TABLE)).table().globalTableVersion()).isNull();
    put(west, TABLE, "after-leaving");
    put(east, TABLE, "after-west-left");
    awaitItem(south, TABLE, "after-west-left");
    assertThat(item(east, TABLE, "after-leaving")).isFalse();
    assertThat(item(west, TABLE, "after-west-left")).isFalse();
  }

  @Test
  void globalTableSettings_sharedWriteCapacityAndOneReplicasReadCapacity_setInEachRegion() {
    createProvisionedTable(east);
    createProvisionedTable(west);
    east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST), replica(WEST)));
    awaitActive(east, TABLE);

    List<ReplicaSettingsDescription> updated = east.updateGlobalTableSettings(r -> r.globalTableName(TABLE)
        .globalTableProvisionedWriteCapacityUnits(7L)
        .globalTableGlobalSecondaryIndexSettingsUpdate(GlobalTableGlobalSecondaryIndexSettingsUpdate.builder()
            .indexName("by-status").provisionedWriteCapacityUnits(6L).build())
        .replicaSettingsUpdate(ReplicaSettingsUpdate.builder().regionName(WEST).replicaProvisionedReadCapacityUnits(9L)
            .replicaGlobalSecondaryIndexSettingsUpdate(ReplicaGlobalSecondaryIndexSettingsUpdate.builder()
                .indexName("by-status").provisionedReadCapacityUnits(8L).build()).build())).replicaSettings();

    assertThat(updated).extracting(ReplicaSettingsDescription::regionName,
            ReplicaSettingsDescription::replicaProvisionedReadCapacityUnits,
            ReplicaSettingsDescription::replicaProvisionedWriteCapacityUnits)
        .containsExactly(tuple(EAST, 5L, 7L), tuple(WEST, 9L, 7L));
    assertThat(updated.get(1).replicaGlobalSecondaryIndexSettings()).singleElement().satisfies(index -> {
      assertThat(index.provisionedReadCapacityUnits()).isEqualTo(8L);
      assertThat(index.provisionedWriteCapacityUnits()).isEqualTo(6L);
    });
    TableDescription westTable = west.describeTable(r -> r.tableName(TABLE)).table();
    assertThat(westTable.provisionedThroughput().readCapacityUnits()).isEqualTo(9L);
    assertThat(westTable.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    assertThat(west.describeGlobalTableSettings(r -> r.globalTableName(TABLE)).replicaSettings())
        .extracting(ReplicaSettingsDescription::regionName,
            ReplicaSettingsDescription::replicaProvisionedReadCapacityUnits)
        .containsExactly(tuple(WEST, 9L), tuple(EAST, 5L));
  }

  @Test
  void legacyOperations_refusedAsTheApiReferenceDocumentsThem() {
    createTable(east, TABLE);
    refused(() -> east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST),
        replica(WEST))), "TableNotFoundException", "Table not found: Table: 'orders' not found in region: '"
        + WEST + "'.");
    west.createTable(table(TABLE).streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY)).build());
    refused(() -> east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST),
        replica(WEST))), "ValidationException", "One or more parameter values were invalid: table orders in region "
        + WEST + " needs DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES");
    createTable(south, TABLE);
    put(south, TABLE, "already-there");
    refused(() -> east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST),
        replica(SOUTH))), "ValidationException", "One or more parameter values were invalid: table orders in region "
        + SOUTH + " is not empty: a table joins a global table only while it holds no items");
    refused(() -> east.describeGlobalTable(r -> r.globalTableName(TABLE)), "GlobalTableNotFoundException",
        "The specified global table does not exist.");

    east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST)));

    refused(() -> east.createGlobalTable(r -> r.globalTableName(TABLE).replicationGroup(replica(EAST))),
        "GlobalTableAlreadyExistsException", "The specified global table already exists.");
    refused(() -> east.updateGlobalTable(r -> r.globalTableName(TABLE)
        .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName(EAST)).build())),
        "ReplicaAlreadyExistsException", "The specified replica is already part of the global table.");
    refused(() -> east.updateGlobalTable(r -> r.globalTableName(TABLE)
        .replicaUpdates(ReplicaUpdate.builder().delete(d -> d.regionName(WEST)).build())),
        "ReplicaNotFoundException", "The specified replica is no longer part of the global table.");
    refused(() -> east.updateGlobalTable(r -> r.globalTableName("unknown")
        .replicaUpdates(ReplicaUpdate.builder().delete(d -> d.regionName(WEST)).build())),
        "GlobalTableNotFoundException", "The specified global table does not exist.");
    refused(() -> east.updateGlobalTableSettings(r -> r.globalTableName(TABLE)
        .replicaSettingsUpdate(ReplicaSettingsUpdate.builder().regionName(WEST).replicaProvisionedReadCapacityUnits(3L)
            .build())),
        "ReplicaNotFoundException", "The specified replica is no longer part of the global table.");
    refused(() -> east.updateGlobalTableSettings(r -> r.globalTableName(TABLE)
        .globalTableGlobalSecondaryIndexSettingsUpdate(GlobalTableGlobalSecondaryIndexSettingsUpdate.builder()
            .indexName("none").provisionedWriteCapacityUnits(3L).build())),
        "IndexNotFoundException", "The operation tried to access a nonexistent index.");
    // A 2019.11.21 replica of a table in a 2017.11.29 global table: a table is in one global table of one version.
    refused(() -> east.updateTable(r -> r.tableName(TABLE).replicaUpdates(
        software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate.builder()
            .create(c -> c.regionName(WEST)).build())), "ValidationException",
        "One or more parameter values were invalid: table orders is a global table of version 2017.11.29, whose"
            + " replicas UpdateGlobalTable adds and removes");
  }

  private static Replica replica(String region) {
    return Replica.builder().regionName(region).build();
  }

  private static CreateTableRequest.Builder table(String name) {
    return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH));
  }

  private static void createTable(DynamoDbClient client, String name) {
    client.createTable(table(name).streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
  }

  private static void createProvisionedTable(DynamoDbClient client) {
    client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("status", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
            .keySchema(Tables.key("status", KeyType.HASH)).projection(p -> p.projectionType("ALL"))
            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
  }

  private static void awaitActive(DynamoDbClient client, String name) {
    await("the global table ACTIVE", () -> client.describeGlobalTable(r -> r.globalTableName(name))
        .globalTableDescription().globalTableStatus() == GlobalTableStatus.ACTIVE);
  }

  private static List<String> regions(DynamoDbClient client) {
    try {
      return client.describeGlobalTable(r -> r.globalTableName(TABLE)).globalTableDescription().replicationGroup()
          .stream().map(r -> r.regionName()).toList();
    } catch (DynamoDbException e) {
      return List.of();
    }
  }

  private static boolean notGlobal(DynamoDbClient client) {
    try {
      client.describeGlobalTable(r -> r.globalTableName(TABLE));
      return false;
    } catch (DynamoDbException e) {
      return e.awsErrorDetails().errorCode().equals("GlobalTableNotFoundException");
    }
  }

  private static void put(DynamoDbClient client, String table, String id) {
    client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
  }

  private static boolean item(DynamoDbClient client, String table, String id) {
    try {
      return client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true))
          .hasItem();
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static void awaitItem(DynamoDbClient client, String table, String id) {
    await("item " + id + " replicated", () -> item(client, table, id));
  }

  private static void refused(Runnable call, String type, String message) {
    Consumer<DynamoDbException> check = e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    };
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, check);
  }
}
