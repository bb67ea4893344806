package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.TableStatistics;
import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosReply.Promise;
import io.shaledb.core.consensus.PaxosReply.Refused;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.Read;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.Transactions;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcceptorTest {
  private static final int KEYSPACE = 9;
  private static final byte[] ITEM = ByteBuffer.allocate(6).putInt(KEYSPACE).put((byte) 'k').put((byte) 1).array();
  private static final ReplicationStamp B1 = new ReplicationStamp(100, "us-east-1");
  private static final ReplicationStamp B2 = new ReplicationStamp(100, "us-west-2");
  private static final ReplicationStamp B3 = new ReplicationStamp(200, "us-east-1");
  private static final ItemValue X = new ItemValue(new byte[] {42});

  private final MemoryEngine engine = new MemoryEngine();
  private final Acceptor acceptor = new Acceptor(
      new Transactions(engine, TableStatistics.load(engine, List.of(), Runnable::run)), Clock.systemUTC(),
      new WitnessValues());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void marksAKeyOpenFromItsAcceptUntilACommitOrABaseDecidesIt() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000));
    Acceptor timed = new Acceptor(new Transactions(engine, TableStatistics.load(engine, List.of(), Runnable::run)),
        clock, new WitnessValues());
    timed.handle(ITEM, new Prepare(B1));
    timed.handle(ITEM, new Accept(Proposal.first(B1, null, X), null));
    assertThat(openMarks()).containsExactly(new Mark(ITEM, 1_000));

    clock.advance(Duration.ofSeconds(1));
    timed.handle(ITEM, new Prepare(B3));
    timed.handle(ITEM, new Accept(Proposal.first(B3, null, X), null));
    assertThat(openMarks()).as("a later accept rewrites the mark").containsExactly(new Mark(ITEM, 2_000));

    timed.handle(ITEM, new Commit(new Committed(B3, X), null));
    assertThat(openMarks()).as("the Commit deciding it removes the mark").isEmpty();

    ReplicationStamp b4 = new ReplicationStamp(300, "us-east-1");
    ReplicationStamp b5 = new ReplicationStamp(400, "us-east-1");
    timed.handle(ITEM, new Prepare(b4));
    timed.handle(ITEM, new Accept(Proposal.first(b4, B3, X), null));
    timed.handle(ITEM, new Commit(new Committed(B1, X), null));
    assertThat(openMarks()).as("a Commit of an older instance leaves the open one marked").hasSize(1);

    timed.handle(ITEM, new Prepare(b5));
    assertThat(timed.handle(ITEM, new Accept(Proposal.first(b5, b5, X), new Committed(b5, ItemValue.ABSENT))))
        .as("the base decided the open instance; the proposal on it is refused").isInstanceOf(Refused.class);
    assertThat(openMarks()).as("the base applied decided it").isEmpty();
  }

  /** An open mark as the system keyspace holds it. */
  private record Mark(Bytes itemKey, long acceptedMillis) {
    Mark(byte[] itemKey, long acceptedMillis) {
      this(Bytes.wrap(itemKey), acceptedMillis);
    }
  }

  private List<Mark> openMarks() {
    try (Snapshot snapshot = engine.snapshot()) {
      return OpenProposals.read(snapshot, KEYSPACE, null, 10).stream()
          .map(open -> new Mark(open.itemKey(), open.acceptedMillis())).toList();
    }
  }

  @Test
  void promisesOnlyBallotsAboveItsPromise() {
    assertThat(acceptor.handle(ITEM, new Prepare(B2))).isEqualTo(new Promise(null, null, List.of()));

    assertThat(acceptor.handle(ITEM, new Prepare(B2))).as("the same ballot twice").isEqualTo(new Refused(B2));
    assertThat(acceptor.handle(ITEM, new Prepare(B1))).as("same time, lower region").isEqualTo(new Refused(B2));
    assertThat(acceptor.handle(ITEM, new Prepare(B3))).isInstanceOf(Promise.class);
  }

  @Test
  void refusesAnAcceptBelowItsPromiseAndTellsTheAcceptedProposalAfterwards() {
    acceptor.handle(ITEM, new Prepare(B2));
    assertThat(acceptor.handle(ITEM, new Accept(Proposal.first(B1, null, X), null))).isEqualTo(new Refused(B2));

    Proposal proposal = Proposal.first(B2, null, X);
    assertThat(acceptor.handle(ITEM, new Accept(proposal, null))).isInstanceOf(Done.class);
    assertThat(acceptor.handle(ITEM, new Read())).isEqualTo(new Promise(null, proposal, List.of()));
  }

  @Test
  void aCommitReplacesTheValueAndRetiresTheProposalsOfTheInstanceItDecided() {
    acceptor.handle(ITEM, new Prepare(B1));
    acceptor.handle(ITEM, new Accept(Proposal.first(B1, null, X), null));

    acceptor.handle(ITEM, new Commit(new Committed(B1, X), null));

    assertThat(acceptor.handle(ITEM, new Read())).isEqualTo(new Promise(new Committed(B1, X), null, List.of(new Decided(B1, null))));
    assertThat(acceptor.handle(ITEM, new Commit(new Committed(B1, ItemValue.ABSENT), null)))
        .as("a commit not newer changes nothing").isInstanceOf(Done.class);
    assertThat(acceptor.handle(ITEM, new Read())).isEqualTo(new Promise(new Committed(B1, X), null, List.of(new Decided(B1, null))));
  }

  @Test
  void keepsTheLatestInstancesItSawDecided_newestFirst_andNoMore() {
    ReplicationStamp base = null;
    List<Decided> decided = new ArrayList<>();
    for (int i = 1; i <= AcceptorState.DECIDED_KEPT + 3; i++) {
      ReplicationStamp origin = new ReplicationStamp(100L * i, "us-east-1");
      acceptor.handle(ITEM, new Commit(new Committed(origin, X), base));
      decided.addFirst(new Decided(origin, base));
      base = origin;
    }
    Decided late = decided.get(AcceptorState.DECIDED_KEPT);
    acceptor.handle(ITEM, new Commit(new Committed(late.origin(), X), late.base()));

    assertThat(((Promise) acceptor.handle(ITEM, new Read())).decided())
        .as("a late Commit of an instance older than those kept changes nothing")
        .isEqualTo(decided.subList(0, AcceptorState.DECIDED_KEPT));
  }

  @Test
  void refusesAProposalMadeOnAnOlderValueAndBallotsNotAboveTheCommittedOne() {
    acceptor.handle(ITEM, new Commit(new Committed(B2, X), null));

    assertThat(acceptor.handle(ITEM, new Prepare(B1))).as("below the committed ballot").isEqualTo(new Refused(B2));
    assertThat(acceptor.handle(ITEM, new Accept(Proposal.first(B3, null, ItemValue.ABSENT), null)))
        .as("made on no value, when one is committed").isEqualTo(new Refused(B2));
  }

  @Test
  void anAcceptCarriesTheValueItWasMadeOnToARegionThatMissedIt() {
    Committed base = new Committed(B1, X);
    Proposal proposal = Proposal.first(B3, B1, ItemValue.ABSENT);

    assertThat(acceptor.handle(ITEM, new Accept(proposal, base))).isInstanceOf(Done.class);

    assertThat(acceptor.handle(ITEM, new Read())).isEqualTo(new Promise(base, proposal, List.of()));
  }

  @Test
  void itsRecordsBelongToTheTablesKeyspaceAndGoWithIt() {
    acceptor.handle(ITEM, new Prepare(B1));
    acceptor.handle(ITEM, new Commit(new Committed(B1, X), null));

    for (KeyRange owned : SystemKeyspace.ownedBy(KEYSPACE)) {
      engine.clearRange(owned);
    }

    assertThat(acceptor.handle(ITEM, new Read())).isEqualTo(new Promise(null, null, List.of()));
  }
}
