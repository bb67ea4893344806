package io.shaledb.it;

import static io.shaledb.it.GlobalTablesIT.EAST;
import static io.shaledb.it.GlobalTablesIT.WEST;
import static io.shaledb.it.GlobalTablesIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.shaledb.server.ShaleDbServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WitnessStatus;

/**
 * Global tables of multi-region strong consistency (docs/global-tables.md, "Multi-region strong consistency") made,
 * described and deleted through the SDK in three ShaleDB servers on loopback, each its own region and a peer of the
 * others: two replicas and a witness, three replicas, and every refusal of UpdateTable, UpdateTimeToLive and
 * DeleteTable, verbatim.
 */
class MultiRegionStrongConsistencyIT {
  private static final String SOUTH = "ap-south-1";
  private static final List<String> REGIONS = List.of(EAST, WEST, SOUTH);
  private static final String PREFIX = "One or more parameter values were invalid: ";
  private static final String THREE_REGIONS = PREFIX + "an MRSC global table must have exactly three Regions: three"
      + " replicas, or two replicas and one witness";
  private static final String MODE_IS_FIXED = PREFIX + "the consistency mode of a global table is chosen when it is"
      + " created and cannot be changed; a witness must be added when the MRSC global table is created";
  private static final String WITNESS_NEEDS_STRONG = PREFIX + "a witness can only be added by the UpdateTable that"
      + " creates the global table with MultiRegionConsistency STRONG";
  private static final String NO_TIME_TO_LIVE = PREFIX + "Time to Live is not supported on MRSC global tables";
  private static final String DELETE_WHOLE = PREFIX + "an MRSC global table is deleted by removing both other members"
      + " in one UpdateTable operation (two replicas, or a replica and the witness), which leaves a single-Region"
      + " table; a single replica or witness cannot be removed";

  private final List<Integer> ports = List.of(GlobalTablesIT.freePort(), GlobalTablesIT.freePort(),
      GlobalTablesIT.freePort());
  private final List<ShaleDbServer> servers = new ArrayList<>();
  private DynamoDbClient east;
  private DynamoDbClient west;
  private DynamoDbClient south;

  @BeforeEach
  void start() throws InterruptedException {
    ThreeRegionGlobalTablesIT.startMesh(REGIONS, ports, servers);
    east = GlobalTablesIT.client(EAST, ports.get(0));
    west = GlobalTablesIT.client(WEST, ports.get(1));
    south = GlobalTablesIT.client(SOUTH, ports.get(2));
  }

  @AfterEach
  void stop() {
    servers.forEach(ShaleDbServer::close);
  }

  @Test
  void updateTable_twoReplicasAndAWitness_describedInEachRegion_thenDeletedWhole() {
    GlobalTablesIT.createTable(east);

    TableDescription made = east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH))))
        .tableDescription();

    assertThat(made.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(made.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
    assertThat(made.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::regionName,
        GlobalTableWitnessDescription::witnessStatus).containsExactly(tuple(SOUTH, WitnessStatus.CREATING));
    GlobalTablesIT.await("the replica and the witness ACTIVE", () -> GlobalTablesIT.active(west)
        && GlobalTablesIT.active(east) && GlobalTablesIT.replica(east).replicaStatus() == ReplicaStatus.ACTIVE);
    for (Map.Entry<DynamoDbClient, String> region : Map.of(east, WEST, west, EAST).entrySet()) {
      TableDescription table = region.getKey().describeTable(r -> r.tableName("orders")).table();
      assertThat(table.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
      assertThat(table.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::regionName,
          GlobalTableWitnessDescription::witnessStatus).containsExactly(tuple(SOUTH, WitnessStatus.ACTIVE));
      assertThat(table.replicas()).extracting(ReplicaDescription::regionName, ReplicaDescription::replicaStatus)
          .containsExactly(tuple(region.getValue(), ReplicaStatus.ACTIVE));
    }
    assertThatThrownBy(() -> south.describeTable(r -> r.tableName("orders")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(south.listTables().tableNames()).isEmpty();
    assertThatThrownBy(() -> GlobalTablesIT.createTable(south)).as("the witness region holds the name")
        .isInstanceOf(ResourceInUseException.class).hasMessageStartingWith("Table already exists: orders");
    assertRefused(() -> east.updateTable(update(List.of(delete(WEST)), List.of())), DELETE_WHOLE);
    assertRefused(() -> east.updateTable(update(List.of(), List.of(deleteWitness(SOUTH)))), DELETE_WHOLE);
    assertRefused(() -> east.updateTable(update(List.of(create(SOUTH)), List.of())), THREE_REGIONS);

    TableDescription deleting = east.updateTable(update(List.of(delete(WEST)), List.of(deleteWitness(SOUTH))))
        .tableDescription();

    assertThat(deleting.replicas()).extracting(ReplicaDescription::replicaStatus)
        .containsExactly(ReplicaStatus.DELETING);
    assertThat(deleting.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::witnessStatus)
        .containsExactly(WitnessStatus.DELETING);
    GlobalTablesIT.await("the replica and the witness gone", () -> !GlobalTablesIT.exists(west)
        && !east.describeTable(r -> r.tableName("orders")).table().hasReplicas());
    TableDescription regional = east.describeTable(r -> r.tableName("orders")).table();
    assertThat(regional.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(regional.hasGlobalTableWitnesses()).isFalse();
    assertThat(regional.multiRegionConsistency()).isNull();
  }

  @Test
  void putItem_twoReplicasAndAWitness_aWriteIsChosenWithTheWitnessWhileTheOtherReplicaIsDown() {
    GlobalTablesIT.createTable(east);
    east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH))));
    GlobalTablesIT.await("the replica and the witness ACTIVE", () -> GlobalTablesIT.active(west)
        && GlobalTablesIT.active(east) && GlobalTablesIT.replica(east).replicaStatus() == ReplicaStatus.ACTIVE);
    east.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("a"),
        "v", AttributeValue.fromS("1"))));
    assertThat(west.getItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS("a")))
        .consistentRead(true)).item()).containsEntry("v", AttributeValue.fromS("1"));

    servers.remove(1).close();
    east.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("a"),
        "v", AttributeValue.fromS("2"))));

    assertThat(east.getItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS("a")))
        .consistentRead(true)).item()).containsEntry("v", AttributeValue.fromS("2"));
    // With the other replica down, only the witness can answer a strong Query's or Scan's range read beside east.
    assertThat(east.query(r -> r.tableName("orders").keyConditionExpression("id = :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a"))).consistentRead(true)).items())
        .containsExactly(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromS("2")));
    assertThat(east.scan(r -> r.tableName("orders").consistentRead(true)).items())
        .containsExactly(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromS("2")));
  }

  @Test
  void updateTable_threeReplicas_everyRegionDescribesTheOthers_andRefusesPartialChanges() {
    GlobalTablesIT.createTable(east);

    east.updateTable(strong(List.of(create(WEST), create(SOUTH)), List.of()));

    GlobalTablesIT.await("every region sees the others ACTIVE", () -> REGIONS.stream().allMatch(region -> {
      DynamoDbClient client = client(region);
      if (!GlobalTablesIT.exists(client)) {
        return false;
      }
      TableDescription table = client.describeTable(r -> r.tableName("orders")).table();
      return table.tableStatus() == TableStatus.ACTIVE && table.replicas().size() == 2
          && table.replicas().stream().allMatch(replica -> replica.replicaStatus() == ReplicaStatus.ACTIVE);
    }));
    for (String region : REGIONS) {
      TableDescription table = client(region).describeTable(r -> r.tableName("orders")).table();
      assertThat(table.multiRegionConsistency()).as(region).isEqualTo(MultiRegionConsistency.STRONG);
      assertThat(table.hasGlobalTableWitnesses()).as(region).isFalse();
      assertThat(table.replicas()).as(region).extracting(ReplicaDescription::regionName)
          .containsExactlyInAnyOrderElementsOf(REGIONS.stream().filter(r -> !r.equals(region)).toList());
    }
    assertRefused(() -> west.updateTable(update(List.of(delete(EAST)), List.of())), DELETE_WHOLE);
    assertRefused(() -> west.deleteTable(r -> r.tableName("orders")), PREFIX + "a replica of an MRSC global table"
        + " cannot be deleted alone: delete both other members of the global table with UpdateTable's ReplicaUpdates"
        + " and GlobalTableWitnessUpdates first");
    assertRefused(() -> south.updateTimeToLive(r -> r.tableName("orders")
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires"))), NO_TIME_TO_LIVE);
    assertRefused(() -> east.updateTable(update(List.of(create(SOUTH)), List.of())
        .toBuilder().multiRegionConsistency(MultiRegionConsistency.EVENTUAL).build()), MODE_IS_FIXED);
    assertRefused(() -> east.updateTable(update(List.of(), List.of(createWitness(SOUTH)))), WITNESS_NEEDS_STRONG);

    east.updateTable(update(List.of(delete(WEST), delete(SOUTH)), List.of()));

    GlobalTablesIT.await("both other replicas gone", () -> !GlobalTablesIT.exists(west)
        && !GlobalTablesIT.exists(south) && !east.describeTable(r -> r.tableName("orders")).table().hasReplicas());
  }

  @Test
  void updateTable_requestsThatCannotMakeAnMrscTable_refusedVerbatim() {
    GlobalTablesIT.createTable(east);

    assertRefused(() -> east.updateTable(r -> r.tableName("orders")
        .multiRegionConsistency(MultiRegionConsistency.STRONG)), PREFIX + "MultiRegionConsistency is only valid when"
        + " a global table is created by specifying one or more Create actions in ReplicaUpdates");
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of())), THREE_REGIONS);
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST), create(SOUTH)), List.of(createWitness(SOUTH)))),
        THREE_REGIONS);
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(WEST)))),
        PREFIX + "the witness must be in a different Region than the replicas");
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(EAST)))),
        PREFIX + "the witness must be in a different Region than the replicas");
    assertRefused(() -> east.updateTable(update(List.of(create(WEST)), List.of(createWitness(SOUTH)))),
        WITNESS_NEEDS_STRONG);
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH),
        createWitness(SOUTH)))), PREFIX + "only one witness can be created or deleted per UpdateTable operation");
    assertRefused(() -> east.updateTable(update(List.of(), List.of(deleteWitness(SOUTH)))),
        "Witness specified in the GlobalTableWitnessUpdates Delete action of the request was not found.");
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH)))
        .toBuilder().multiRegionConsistency("STRONGER").build()), "1 validation error detected: Value 'STRONGER' at"
        + " 'multiRegionConsistency' failed to satisfy constraint: Member must satisfy enum value set: [EVENTUAL,"
        + " STRONG]");

    east.putItem(r -> r.tableName("orders").item(Map.of("id", AttributeValue.fromS("0001"))));
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH)))),
        PREFIX + "a table must be empty to become an MRSC global table");

    east.createTable(r -> r.tableName("local").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("at", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH), Tables.key("at", KeyType.RANGE))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-at")
            .keySchema(Tables.key("id", KeyType.HASH), Tables.key("at", KeyType.RANGE))
            .projection(p -> p.projectionType("KEYS_ONLY")).build()));
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH)))
        .toBuilder().tableName("local").build()), PREFIX + "local secondary indexes are not supported on MRSC global"
        + " tables");

    east.createTable(r -> r.tableName("expiring").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)));
    east.updateTimeToLive(r -> r.tableName("expiring")
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
    assertRefused(() -> east.updateTable(strong(List.of(create(WEST)), List.of(createWitness(SOUTH)))
        .toBuilder().tableName("expiring").build()), NO_TIME_TO_LIVE);
  }

  @Test
  void updateTable_strongOnAnEventualGlobalTable_refused() {
    GlobalTablesIT.createTable(east);
    GlobalTablesIT.replicate(east, west);

    assertRefused(() -> east.updateTable(strong(List.of(create(SOUTH)), List.of())), MODE_IS_FIXED);
    assertThat(east.describeTable(r -> r.tableName("orders")).table().multiRegionConsistency())
        .isEqualTo(MultiRegionConsistency.EVENTUAL);
  }

  private DynamoDbClient client(String region) {
    return Map.of(EAST, east, WEST, west, SOUTH, south).get(region);
  }

  private static UpdateTableRequest strong(List<ReplicationGroupUpdate> replicas,
      List<GlobalTableWitnessGroupUpdate> witnesses) {
    return update(replicas, witnesses).toBuilder().multiRegionConsistency(MultiRegionConsistency.STRONG).build();
  }

  private static UpdateTableRequest update(List<ReplicationGroupUpdate> replicas,
      List<GlobalTableWitnessGroupUpdate> witnesses) {
    UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName("orders");
    if (!replicas.isEmpty()) {
      request.replicaUpdates(replicas);
    }
    if (!witnesses.isEmpty()) {
      request.globalTableWitnessUpdates(witnesses);
    }
    return request.build();
  }

  private static ReplicationGroupUpdate create(String region) {
    return ReplicationGroupUpdate.builder().create(c -> c.regionName(region)).build();
  }

  private static ReplicationGroupUpdate delete(String region) {
    return ReplicationGroupUpdate.builder().delete(d -> d.regionName(region)).build();
  }

  private static GlobalTableWitnessGroupUpdate createWitness(String region) {
    return GlobalTableWitnessGroupUpdate.builder().create(c -> c.regionName(region)).build();
  }

  private static GlobalTableWitnessGroupUpdate deleteWitness(String region) {
    return GlobalTableWitnessGroupUpdate.builder().delete(d -> d.regionName(region)).build();
  }
}
