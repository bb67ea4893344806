package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.TableStatistics;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.consensus.PaxosReply.Promise;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.Transactions;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The witness's acceptor answers a table only while the region still witnesses it, checked in each request. */
class WitnessedValuesTest {
  private static final WitnessedTable WITNESSED = new WitnessedTable("orders", 9, List.of("us-east-1", "us-west-2"),
      Instant.parse("2026-12-05T12:00:00Z"));
  private static final byte[] ITEM = ByteBuffer.allocate(5).putInt(WITNESSED.keyspace()).put((byte) 'k').array();
  private static final ReplicationStamp BALLOT = new ReplicationStamp(100, "us-east-1");

  private final MemoryEngine engine = new MemoryEngine();
  private final Acceptor acceptor = new Acceptor(
      new Transactions(engine, TableStatistics.load(engine, List.of(), Runnable::run)), Clock.systemUTC(),
      new WitnessedValues(WITNESSED));

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void handle_whileTheRecordIsStored_answers_andOnceItIsGone_refusesWithoutWritingState() {
    write(WITNESSED.encode());
    assertThat(acceptor.handle(ITEM, new Prepare(BALLOT))).isEqualTo(new Promise(null, null, List.of()));

    write(null);

    assertThatThrownBy(() -> acceptor.handle(ITEM, new Prepare(new ReplicationStamp(200, "us-west-2"))))
        .isInstanceOf(DynamoException.class)
        .hasMessage("Requested resource not found: Table: orders is no longer witnessed here");
  }

  @Test
  void handle_underARecordOfAnotherKeyspace_isRefused() {
    write(new WitnessedTable("orders", 10, WITNESSED.replicas(), WITNESSED.created()).encode());

    assertThatThrownBy(() -> acceptor.handle(ITEM, new Prepare(BALLOT))).isInstanceOf(DynamoException.class);
    try (Transaction tx = engine.begin()) {
      assertThat(tx.get(SystemKeyspace.paxos(ITEM, Acceptor.STATE_RECORD))).as("no state written").isNull();
    }
  }

  private void write(byte[] record) {
    try (Transaction tx = engine.begin()) {
      if (record == null) {
        tx.delete(SystemKeyspace.witnessedTable(WITNESSED.name()));
      } else {
        tx.put(SystemKeyspace.witnessedTable(WITNESSED.name()), record);
      }
      tx.commit();
    }
  }
}
