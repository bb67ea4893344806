package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.Read;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.replication.ReplicationStamp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProposerTest {
  private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-2");
  private static final String TABLE = "t";
  private static final byte[] KEY = {1, 2, 3};
  /**
   * How long a phase waits for answers: the tests' silent regions cost it once each, and a loaded build machine must
   * not make the answering ones miss it.
   */
  private static final Duration PHASE_LIMIT = Duration.ofSeconds(1);

  private final InProcessTransport network = new InProcessTransport(REGIONS);

  @AfterEach
  void close() {
    network.close();
  }

  private Proposer in(String region) {
    return in(region, network);
  }

  private static Proposer in(String region, PaxosTransport transport) {
    return new Proposer(region, REGIONS, transport, Clock.systemUTC(), PHASE_LIMIT);
  }

  private static ItemValue value(String text) {
    return new ItemValue(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ItemValue value) {
    return value.present() ? new String(value.bytes(), StandardCharsets.UTF_8) : null;
  }

  private static Proposer.Change put(String text) {
    return current -> value(text);
  }

  private static Proposer.Change append(String text) {
    return current -> value((current.present() ? text(current) : "") + text);
  }

  private Committed committedIn(String region) {
    return new WitnessValues().read(network.engine(region).snapshot(), InProcessTransport.itemKey(KEY));
  }

  @Test
  void aWriteInOneRegionIsReadStronglyInAnotherAtOnce() {
    in("us-east-1").write(TABLE, KEY, put("a"));

    assertThat(text(in("us-west-2").read(TABLE, KEY))).isEqualTo("a");
    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("a");
  }

  @Test
  void aConditionalWriteSeesTheLatestWriteOfAnotherRegion() {
    in("us-east-1").write(TABLE, KEY, put("a"));

    Proposer.Written written = in("us-west-2").write(TABLE, KEY, append("b"));

    assertThat(text(written.previous())).isEqualTo("a");
    assertThat(text(written.current())).isEqualTo("ab");
    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("ab");
  }

  @Test
  void aRefusedConditionTakesNoEffect() {
    in("us-east-1").write(TABLE, KEY, put("a"));

    assertThatThrownBy(() -> in("us-west-2").write(TABLE, KEY, current -> {
      throw new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    })).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED));
    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("a");
  }

  @Test
  void withOneRegionDownWritesAndReadsGoOnAndWithTwoTheyFailWithoutEffect() {
    network.down("us-west-2");
    in("us-east-1").write(TABLE, KEY, put("a"));
    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("a");

    network.down("us-east-2");
    assertThatThrownBy(() -> in("us-east-1").write(TABLE, KEY, put("b")))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
          assertThat(e.getMessage()).isEqualTo(ConsensusErrors.UNAVAILABLE);
        });
    assertThatThrownBy(() -> in("us-east-1").read(TABLE, KEY)).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));

    network.up("us-east-2");
    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("a");
  }

  @Test
  void aRegionThatWasDownCatchesUpWithTheNextWrite() {
    network.down("us-west-2");
    in("us-east-1").write(TABLE, KEY, put("a"));
    in("us-east-2").write(TABLE, KEY, append("b"));
    assertThat(committedIn("us-west-2")).isNull();

    network.up("us-west-2");
    assertThat(text(in("us-west-2").read(TABLE, KEY))).as("through the quorum at once").isEqualTo("ab");
    Proposer.Written written = in("us-west-2").write(TABLE, KEY, append("c"));

    assertThat(text(written.previous())).isEqualTo("ab");
    assertThat(text(committedIn("us-west-2").value())).as("committed here before the answer").isEqualTo("abc");
    for (String region : REGIONS) {
      awaitCommitted(region, "abc"); // the other regions' commits are not waited for
    }
  }

  @Test
  void aProposalAcceptedByAQuorumButNeverCommittedIsCompletedBeforeTheNextWrite() {
    // A proposer in us-east-1 crashed after two regions accepted its value, before any commit.
    Proposal orphan = Proposal.first(new ReplicationStamp(1_000, "us-east-1"), null, value("a"));
    acceptDirectly("us-east-1", orphan);
    acceptDirectly("us-east-2", orphan);

    Proposer.Written written = in("us-west-2").write(TABLE, KEY, append("b"));

    assertThat(text(written.previous())).isEqualTo("a");
    assertThat(text(in("us-east-1").read(TABLE, KEY))).isEqualTo("ab");
  }

  @Test
  void aStrongReadCompletesAProposalThatMayHaveBeenChosen() {
    // Accepted by two regions, so chosen: every quorum of a read holds it.
    Proposal orphan = Proposal.first(new ReplicationStamp(1_000, "us-east-1"), null, value("a"));
    acceptDirectly("us-east-1", orphan);
    acceptDirectly("us-east-2", orphan);

    assertThat(text(in("us-west-2").read(TABLE, KEY))).isEqualTo("a");
    assertThat(text(committedIn("us-west-2").value())).isEqualTo("a");
    assertThat(text(in("us-east-2").read(TABLE, KEY))).as("a later read sees it too").isEqualTo("a");
  }

  @Test
  void aWriteThatKeepsLosingItsPrepareToAnotherRegionIsAConflictWithoutEffect() {
    // Another region's proposer prepares a higher ballot just before each of ours arrives, in both other regions.
    PaxosTransport contended = (region, table, key, request) -> {
      if (request instanceof Prepare(ReplicationStamp ballot) && !region.equals("us-east-1")) {
        network.acceptor(region).handle(InProcessTransport.itemKey(key),
            new Prepare(new ReplicationStamp(ballot.millis() + 1, "us-west-2")));
      }
      return network.send(region, table, key, request);
    };

    assertThatThrownBy(() -> in("us-east-1", contended).write(TABLE, KEY, put("a")))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.REPLICATED_WRITE_CONFLICT);
          assertThat(e.code().type()).isEqualTo("com.amazonaws.dynamodb.v20120810#ReplicatedWriteConflictException");
          assertThat(e.getMessage()).isEqualTo("The request was rejected because one or more items in the request"
              + " are being modified by a request in another Region.");
        });
    assertThat(in("us-east-2").read(TABLE, KEY).present()).isFalse();
  }

  @Test
  void aRegionWhoseClockIsBehindStillWritesAfterAFasterOne() {
    in("us-east-1").write(TABLE, KEY, put("a"));
    ReplicationStamp first = committedIn("us-east-1").ballot();
    Proposer behind = new Proposer("us-west-2", REGIONS, network,
        Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), PHASE_LIMIT);

    assertThat(text(behind.write(TABLE, KEY, append("b")).current())).isEqualTo("ab");
    assertThat(committedIn("us-west-2").ballot().isAfter(first)).as("an item's ballots rise with its values").isTrue();
  }

  @Test
  void twoReplicasAndAWitnessKeepTheLatestValueWhenEachReplicaIsDownInTurn() {
    // us-west-2 plays the witness: it never proposes, and keeps committed values only in its system keyspace.
    network.down("us-east-2");
    in("us-east-1").write(TABLE, KEY, put("a"));
    network.down("us-east-1");
    network.up("us-east-2");

    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("a");
    assertThat(text(in("us-east-2").write(TABLE, KEY, append("b")).current())).isEqualTo("ab");
  }

  @Test
  void aWriteWhoseAcceptRepliesWereLostIsNotAppliedTwiceWhenAnotherRegionFinishedIt() {
    in("us-east-1").write(TABLE, KEY, put("a"));
    // A strong read elsewhere finishes the value before the writer's next round.
    PaxosTransport lossy = acceptRepliesLost(() -> assertThat(text(in("us-west-2").read(TABLE, KEY))).isEqualTo("ab"));

    Proposer.Written written = in("us-east-2", lossy).write(TABLE, KEY, append("b"));

    assertThat(text(written.current())).isEqualTo("ab");
    assertThat(text(in("us-east-1").read(TABLE, KEY))).isEqualTo("ab");
  }

  @Test
  void aWriteWhoseValueLostItsInstanceToAnotherRegionIsMadeAgainOnTheNewValueOnce() {
    in("us-east-1").write(TABLE, KEY, put("a"));
    AtomicBoolean firstRound = new AtomicBoolean(true);
    // The writer's first Accept reaches only its own region; meanwhile us-west-2, not hearing from it, chooses its
    // own value after "a". The writer cannot see its value committed, but the acceptors saw which value followed "a":
    // its own never can be, so it is made afresh on "ac" (not answered as of unknown outcome).
    PaxosTransport partial = (region, table, key, request) -> {
      if (request instanceof Accept accept && firstRound.get()) {
        if (!region.equals("us-east-2")) {
          firstRound.set(!region.equals("us-west-2"));
          return new CompletableFuture<>();
        }
        PaxosReply own = network.acceptor(region).handle(InProcessTransport.itemKey(key), accept);
        network.down("us-east-2");
        assertThat(text(in("us-west-2").write(TABLE, KEY, append("c")).current())).isEqualTo("ac");
        network.up("us-east-2");
        return CompletableFuture.completedFuture(own);
      }
      return network.send(region, table, key, request);
    };

    Proposer.Written written = in("us-east-2", partial).write(TABLE, KEY, append("b"));

    assertThat(text(written.previous())).isEqualTo("ac");
    assertThat(text(written.current())).isEqualTo("acb");
    assertThat(text(in("us-east-1").read(TABLE, KEY))).isEqualTo("acb");
  }

  @Test
  void aWriteChosenWhileItsRepliesWereLost_andFollowedByTwoMoreValues_isAnsweredAsDone() {
    in("us-east-1").write(TABLE, KEY, put("a"));
    // Before the writer's next round two other regions write, the first finishing the writer's value. Its acceptors'
    // latest decided instances are then the later ones: the one that chose its value is still among those they keep.
    PaxosTransport lossy = acceptRepliesLost(() -> {
      assertThat(text(in("us-west-2").write(TABLE, KEY, append("c")).current())).isEqualTo("abc");
      assertThat(text(in("us-east-1").write(TABLE, KEY, append("d")).current())).isEqualTo("abcd");
    });

    Proposer.Written written = in("us-east-2", lossy).write(TABLE, KEY, append("b"));

    assertThat(text(written.previous())).isEqualTo("a");
    assertThat(text(written.current())).isEqualTo("ab");
    assertThat(text(in("us-east-1").read(TABLE, KEY))).as("applied once").isEqualTo("abcd");
  }

  @Test
  void aWriteWhoseInstanceOnlyTheSlowestRegionRemembers_asksItAndIsAnsweredAsDone() {
    in("us-east-1").write(TABLE, KEY, put("a"));
    // A strong read in us-west-2 finishes the writer's value; then, while us-west-2 is cut off, us-east-1 writes more
    // values than an acceptor keeps decided instances. Only us-west-2 still remembers the writer's instance, and its
    // promises come last.
    PaxosTransport lossy = acceptRepliesLost(() -> {
      assertThat(text(in("us-west-2").read(TABLE, KEY))).isEqualTo("ab");
      network.down("us-west-2");
      for (int i = 0; i < AcceptorState.DECIDED_KEPT; i++) {
        in("us-east-1").write(TABLE, KEY, append("c"));
      }
      network.up("us-west-2");
    });
    PaxosTransport slowWest = (region, table, key, request) -> {
      CompletableFuture<PaxosReply> reply = lossy.send(region, table, key, request);
      return request instanceof Prepare && region.equals("us-west-2")
          ? reply.thenCompose(r -> CompletableFuture.supplyAsync(() -> r, CompletableFuture.delayedExecutor(100,
              TimeUnit.MILLISECONDS)))
          : reply;
    };

    Proposer.Written written = in("us-east-2", slowWest).write(TABLE, KEY, append("b"));

    assertThat(text(written.current())).isEqualTo("ab");
    assertThat(text(in("us-east-1").read(TABLE, KEY))).as("applied once").isEqualTo("ab" + "c".repeat(
        AcceptorState.DECIDED_KEPT));
  }

  @Test
  void aWriteWhoseInstanceChoseAnEarlierValueNoAcceptorSawDecided_isMadeAgainOnTheNewValue() throws Exception {
    in("us-east-1").write(TABLE, KEY, put("a"));
    Committed a = committedIn("us-east-1");
    Thread.sleep(5); // the writer's ballot then leaves room for an earlier one after "a"'s
    AtomicBoolean firstRound = new AtomicBoolean(true);
    // The writer's first Accept reaches only its own region. The other two had accepted, under a higher ballot, a
    // value first proposed under a ballot just below the writer's, and learn that it was chosen only as the base of
    // the next proposal (no Commit, so no acceptor saw its instance decided). Chosen values follow one another in
    // the order of their origins, so the writer's, proposed after the same base with a later origin, never can be.
    PaxosTransport partial = (region, table, key, request) -> {
      if (request instanceof Accept(Proposal ours, Committed base) && firstRound.get()) {
        if (!region.equals("us-east-2")) {
          return new CompletableFuture<>();
        }
        firstRound.set(false);
        ReplicationStamp earlier = new ReplicationStamp(ours.ballot().millis(), "us-east-1");
        Proposal rival = new Proposal(new ReplicationStamp(ours.ballot().millis() + 1, "us-west-2"), a.ballot(),
            value("ax"), earlier);
        Proposal next = Proposal.first(new ReplicationStamp(ours.ballot().millis() + 2, "us-west-2"),
            rival.origin(), value("axy"));
        for (String other : List.of("us-east-1", "us-west-2")) {
          acceptDirectly(other, rival, a);
          acceptDirectly(other, next, rival.chosen());
        }
        return CompletableFuture.completedFuture(network.acceptor(region).handle(InProcessTransport.itemKey(key),
            new Accept(ours, base)));
      }
      return network.send(region, table, key, request);
    };

    Proposer.Written written = in("us-east-2", partial).write(TABLE, KEY, append("b"));

    assertThat(text(written.previous())).isEqualTo("axy");
    assertThat(text(written.current())).isEqualTo("axyb");
    assertThat(text(in("us-east-1").read(TABLE, KEY))).isEqualTo("axyb");
  }

  @Test
  void aWriteWhoseOwnRegionsCommitWasLostAsksItAgain_andIsAnsweredAsDone() {
    AtomicBoolean lost = new AtomicBoolean();
    PaxosTransport losingOneCommit = (region, table, key, request) -> {
      if (request instanceof Commit && region.equals("us-east-1") && lost.compareAndSet(false, true)) {
        return new CompletableFuture<>();
      }
      return network.send(region, table, key, request);
    };

    Proposer.Written written = in("us-east-1", losingOneCommit).write(TABLE, KEY, put("a"));

    assertThat(text(written.current())).isEqualTo("a");
    assertThat(lost).isTrue();
    assertThat(text(committedIn("us-east-1").value())).as("committed here before the answer").isEqualTo("a");
  }

  @Test
  void aWriteWhoseValueIsStillOpenWhenItsRoundsRunOut_settlesItInRoundsThatProposeNothingNew() {
    in("us-west-2").write(TABLE, KEY, put("a"));
    AtomicInteger round = new AtomicInteger();
    AtomicBoolean firstAccept = new AtomicBoolean(true);
    // The writer's first Accept reaches only its own region; then another region's ballots overtake its Prepares in
    // both others for the rest of its rounds. Its value may still be chosen, so it is neither a conflict nor of
    // unknown outcome yet: once the other region stops, the writer finishes it.
    PaxosTransport contended = (region, table, key, request) -> {
      if (request instanceof Prepare(ReplicationStamp ballot)) {
        if (region.equals("us-east-1")) {
          round.incrementAndGet();
        } else if (round.get() > 1 && round.get() <= Proposer.ROUNDS) {
          network.acceptor(region).handle(InProcessTransport.itemKey(key),
              new Prepare(new ReplicationStamp(ballot.millis() + 1, "us-west-2")));
        }
      }
      if (request instanceof Accept && !region.equals("us-east-1") && firstAccept.get()) {
        firstAccept.set(!region.equals("us-west-2"));
        return new CompletableFuture<>();
      }
      return network.send(region, table, key, request);
    };

    Proposer.Written written = in("us-east-1", contended).write(TABLE, KEY, append("b"));

    assertThat(round.get()).isEqualTo(Proposer.ROUNDS + 1);
    assertThat(text(written.current())).isEqualTo("ab");
    assertThat(text(in("us-east-2").read(TABLE, KEY))).isEqualTo("ab");
  }

  @Test
  void aWriteIsThreeRequestsToEachRegionAndAStrongReadOne() {
    Map<Class<?>, Integer> sent = new ConcurrentHashMap<>();
    PaxosTransport counting = (region, table, key, request) -> {
      sent.merge(request.getClass(), 1, Integer::sum);
      return network.send(region, table, key, request);
    };

    in("us-east-1", counting).write(TABLE, KEY, put("a"));
    assertThat(sent).isEqualTo(Map.of(Prepare.class, 3, Accept.class, 3, Commit.class, 3));

    sent.clear();
    in("us-west-2", counting).read(TABLE, KEY);
    assertThat(sent).isEqualTo(Map.of(Read.class, 3));
  }

  /**
   * The network, except that the first three Accepts all arrive and their replies are all lost, and {@code meanwhile}
   * runs once the third arrived, before the writer's next round.
   */
  private PaxosTransport acceptRepliesLost(Runnable meanwhile) {
    AtomicInteger accepts = new AtomicInteger();
    return (region, table, key, request) -> {
      if (request instanceof Accept accept && accepts.get() < 3) {
        network.acceptor(region).handle(InProcessTransport.itemKey(key), accept);
        if (accepts.incrementAndGet() == 3) {
          meanwhile.run();
        }
        return new CompletableFuture<>();
      }
      return network.send(region, table, key, request);
    };
  }

  private void awaitCommitted(String region, String expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!expected.equals(text(committedIn(region).value())) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    assertThat(text(committedIn(region).value())).as(region).isEqualTo(expected);
  }

  private void acceptDirectly(String region, Proposal proposal) {
    acceptDirectly(region, proposal, null);
  }

  private void acceptDirectly(String region, Proposal proposal, @Nullable Committed base) {
    byte[] itemKey = InProcessTransport.itemKey(KEY);
    network.acceptor(region).handle(itemKey, new Prepare(proposal.ballot()));
    assertThat(network.acceptor(region).handle(itemKey, new Accept(proposal, base))).isInstanceOf(Done.class);
  }
}
