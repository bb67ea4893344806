package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.WritePipeline;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A replica's acceptor committing chosen values into its table, as any write lands there. */
class TableValuesTest {
  private static final PeerLink UNREACHABLE = (PeerLink) Proxy.newProxyInstance(PeerLink.class.getClassLoader(),
      new Class<?>[] {PeerLink.class}, (proxy, method, args) -> {
        throw new IllegalStateException("no peer is called in this test");
      });

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1", CapacityMode.OFF,
      new Peers(Map.of("us-west-2", UNREACHABLE)));
  private final TestTables tables = new TestTables(db);
  private final WritePipeline writes = new WritePipeline(db);

  @AfterEach
  void close() {
    db.close();
  }

  private TableMetadata replicatedTable() {
    tables.create("orders", true, false, false);
    Requests.run(new UpdateTable(db), new UpdateTableInput("orders", null, null, null, null, null, null, List.of(),
        null, null, null, false, List.of(new ReplicaUpdate(ReplicaUpdate.Action.CREATE, "us-west-2"))));
    return db.catalog().find("orders").orElseThrow();
  }

  @Test
  void aCommittedValueIsTheTablesItemStampedWithItsBallotAndAnOlderOneChangesNothing() {
    TableMetadata table = replicatedTable();
    TableValues values = new TableValues(writes, db.catalog(), table);
    Acceptor acceptor = new Acceptor(writes.transactions(), clock, values);
    Map<String, AttributeValue> item = Map.of("id", new AttributeValue.S("a"), "g", new AttributeValue.S("x"));
    byte[] key = ItemKeys.ofItem(table, item);
    ReplicationStamp ballot = new ReplicationStamp(clock.millis(), "us-west-2");
    Proposal proposal = Proposal.first(ballot, null, new ItemValue(ItemCodec.encode(item)));

    acceptor.handle(key, new Prepare(ballot));
    acceptor.handle(key, new Accept(proposal, null));
    assertThat(tables.scan("orders")).as("accepted is not committed").isEmpty();
    acceptor.handle(key, new Commit(proposal.chosen(), null));

    assertThat(tables.scan("orders")).containsExactly(item);
    assertThat(ItemStamps.stored(db.storage().snapshot(), table.options().replication().orElseThrow(), key))
        .isEqualTo(ballot);
    assertThat(values.read(db.storage().snapshot(), key)).isEqualTo(proposal.chosen());

    acceptor.handle(key, new Commit(new Committed(new ReplicationStamp(ballot.millis() - 1, "us-west-2"),
        ItemValue.ABSENT), null));
    assertThat(tables.scan("orders")).as("an older commit arriving late").containsExactly(item);

    acceptor.handle(key, new Commit(new Committed(new ReplicationStamp(ballot.millis() + 1, "us-east-1"),
        ItemValue.ABSENT), null));
    assertThat(tables.scan("orders")).isEmpty();
    assertThat(values.read(db.storage().snapshot(), key).value().present()).as("deleted, its stamp a tombstone")
        .isFalse();
  }

  @Test
  void aRequestForATableDroppedSinceItWasLookedUpIsRefusedAndLeavesNoState() {
    TableMetadata table = replicatedTable();
    Acceptor acceptor = new Acceptor(writes.transactions(), clock, new TableValues(writes, db.catalog(), table));
    byte[] key = ItemKeys.ofItem(table, Map.of("id", new AttributeValue.S("a")));
    db.catalog().change(change -> {
      change.deleteTable(table);
      return null;
    });

    assertThatThrownBy(() -> acceptor.handle(key, new Prepare(new ReplicationStamp(clock.millis(), "us-west-2"))))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    try (Snapshot snapshot = db.storage().snapshot()) {
      assertThat(snapshot.get(SystemKeyspace.paxos(key, Acceptor.STATE_RECORD))).isNull();
    }
  }
}
