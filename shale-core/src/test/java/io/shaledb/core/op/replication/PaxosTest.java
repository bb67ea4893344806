package io.shaledb.core.op.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.consensus.Committed;
import io.shaledb.core.consensus.Decided;
import io.shaledb.core.consensus.ItemValue;
import io.shaledb.core.consensus.PaxosCodec;
import io.shaledb.core.consensus.PaxosReply;
import io.shaledb.core.consensus.PaxosRequest;
import io.shaledb.core.consensus.RegionConsensus;
import io.shaledb.core.consensus.WitnessValues;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiving side of the consensus peer call: who it answers, and what it refuses. */
class PaxosTest {
  private static final PeerLink UNREACHABLE = (PeerLink) Proxy.newProxyInstance(PeerLink.class.getClassLoader(),
      new Class<?>[] {PeerLink.class}, (proxy, method, args) -> {
        throw new IllegalStateException("no peer is called in this test");
      });
  private static final byte[] KEY = {0, 0, 0, 1, 'k'};

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1", CapacityMode.OFF,
      new Peers(Map.of("us-west-2", UNREACHABLE)));
  private final Paxos paxos = new Paxos(new RegionConsensus(db));

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void paxos_fromAReplicaRegion_isAnsweredByThisRegionsAcceptor() {
    strongTable();
    ReplicationStamp ballot = new ReplicationStamp(clock.millis(), "us-west-2");

    PaxosReply reply = Requests.run(paxos, input("us-west-2", PaxosCodec.encode(new PaxosRequest.Prepare(ballot))));

    assertThat(reply).isEqualTo(new PaxosReply.Promise(null, null, List.of()));
    assertThat(Requests.run(paxos, input("us-west-2", PaxosCodec.encode(new PaxosRequest.Prepare(ballot)))))
        .as("the promise was kept").isEqualTo(new PaxosReply.Refused(ballot));
  }

  @Test
  void paxos_fromARegionWithoutAReplicaOrOnATableNotOfStrongConsistency_isResourceNotFound() {
    new TestTables(db).create("plain", true, false, false);
    strongTable();
    byte[] read = PaxosCodec.encode(new PaxosRequest.Read());

    assertThatThrownBy(() -> Requests.run(paxos, input("eu-central-1", read))).isInstanceOf(DynamoException.class)
        .hasMessage("Requested resource not found: Table: orders has no consensus with region eu-central-1")
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    assertThatThrownBy(() -> Requests.run(paxos, new PaxosInput("plain", "us-west-2", KEY, read)))
        .hasMessage("Requested resource not found: Table: plain has no consensus with region us-west-2");
    db.catalog().change(change -> {
      TableMetadata table = change.table("orders").orElseThrow();
      change.putTable(table.withOptions(table.options().withReplication(Optional.of(
          table.options().replication().orElseThrow().withConsistency(MultiRegionConsistency.EVENTUAL,
              Optional.empty())))));
      return null;
    });
    assertThatThrownBy(() -> Requests.run(paxos, input("us-west-2", read))).as("an eventually consistent replica")
        .hasMessage("Requested resource not found: Table: orders has no consensus with region us-west-2");
  }

  @Test
  void paxos_onATableThisRegionWitnesses_isAnsweredOverTheWitnessValues() {
    WitnessedTable witnessed = db.catalog().change(change -> {
      WitnessedTable record = new WitnessedTable("orders", change.allocateKeyspaces(1),
          List.of("us-west-2", "eu-central-1"), clock.instant());
      change.putWitnessed(record);
      return record;
    });
    ReplicationStamp ballot = new ReplicationStamp(clock.millis(), "us-west-2");
    Committed value = new Committed(ballot, new ItemValue(new byte[] {1, 2, 3}));
    byte[] itemKey = ByteBuffer.allocate(Integer.BYTES + KEY.length).putInt(witnessed.keyspace()).put(KEY).array();

    assertThat(Requests.run(paxos, input("us-west-2", PaxosCodec.encode(new PaxosRequest.Prepare(ballot)))))
        .isEqualTo(new PaxosReply.Promise(null, null, List.of()));
    Requests.run(paxos, input("eu-central-1", PaxosCodec.encode(new PaxosRequest.Commit(value, null))));

    try (Snapshot snapshot = db.storage().snapshot()) {
      assertThat(new WitnessValues().read(snapshot, itemKey)).isEqualTo(value);
    }
    assertThat(Requests.run(paxos, input("us-west-2", PaxosCodec.encode(new PaxosRequest.Read()))))
        .isEqualTo(new PaxosReply.Promise(value, null, List.of(new Decided(ballot, null))));
    assertThatThrownBy(() -> Requests.run(paxos, input("us-east-2", PaxosCodec.encode(new PaxosRequest.Read()))))
        .as("a region that is not one of the witnessed table's replicas")
        .hasMessage("Requested resource not found: Table: orders has no consensus with region us-east-2");
  }

  @Test
  void paxos_whoseRequestIsNoConsensusMessage_isASerializationError() {
    strongTable();

    assertThatThrownBy(() -> Requests.run(paxos, input("us-west-2", new byte[] {1, 7})))
        .isInstanceOf(DynamoException.class).extracting(e -> ((DynamoException) e).code())
        .isEqualTo(ErrorCode.SERIALIZATION);
    assertThatThrownBy(() -> Requests.run(paxos, new PaxosInput("orders", "us-west-2", KEY, null)))
        .hasMessage("Paxos needs the TableName, the SourceRegion, the Key and the Request");
  }

  private void replicatedTable() {
    new TestTables(db).create("orders", true, false, false);
    Requests.run(new UpdateTable(db), new UpdateTableInput("orders", null, null, null, null, null, null, List.of(),
        null, null, null, false, List.of(new ReplicaUpdate(ReplicaUpdate.Action.CREATE, "us-west-2"))));
  }

  /** A replicated table made of strong consistency in place (UpdateTable's rules are not this test's). */
  private void strongTable() {
    replicatedTable();
    db.catalog().change(change -> {
      TableMetadata table = change.table("orders").orElseThrow();
      Replication replication = table.options().replication().orElseThrow()
          .withConsistency(MultiRegionConsistency.STRONG, Optional.empty());
      change.putTable(table.withOptions(table.options().withReplication(Optional.of(replication))));
      return null;
    });
  }

  private static PaxosInput input(String source, byte[] request) {
    return new PaxosInput("orders", source, KEY, request);
  }
}
