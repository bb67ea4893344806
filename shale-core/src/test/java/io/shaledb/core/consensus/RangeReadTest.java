package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosReply.Range;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.write.ItemConsensus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The range read of a strongly consistent Query or Scan page (docs/global-tables.md, "A strongly consistent read"):
 * each acceptor's answer, and the proposer's merge of two, over {@link InProcessTransport}.
 */
class RangeReadTest {
  private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-2");
  private static final String TABLE = "t";
  private static final RangeRead ALL = new RangeRead(Bytes.EMPTY, null, false, RangeRead.MAX_KEYS,
      RangeRead.MAX_BYTES);

  private final InProcessTransport network = new InProcessTransport(REGIONS);

  @AfterEach
  void close() {
    network.close();
  }

  private static Proposer in(String region, PaxosTransport transport) {
    return new Proposer(region, REGIONS, transport, Clock.systemUTC(), Duration.ofMillis(300));
  }

  private Proposer in(String region) {
    return in(region, network);
  }

  /** A network on which {@code region} hears nothing: a write there is chosen and committed by the other two. */
  private PaxosTransport without(String region) {
    return (target, table, key, request) -> target.equals(region) ? new CompletableFuture<>()
        : network.send(target, table, key, request);
  }

  private static byte[] key(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Bytes peerKey(String text) {
    return Bytes.wrap(key(text));
  }

  private static String text(Bytes key) {
    return new String(key.toByteArray(), StandardCharsets.UTF_8);
  }

  private static ItemValue value(String text) {
    return new ItemValue(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Proposer.Change put(String text) {
    return current -> value(text);
  }

  private static final Proposer.Change DELETE = current -> ItemValue.ABSENT;

  /** The items of a range read as "key=value". */
  private static List<String> items(ItemConsensus.Range range) {
    return range.items().stream()
        .map(item -> new String(item.key(), StandardCharsets.UTF_8) + "=" + new String(item.stored(),
            StandardCharsets.UTF_8))
        .toList();
  }

  private Range answer(String region, RangeRead range) {
    try (Snapshot snapshot = network.engine(region).consistentSnapshot()) {
      return network.acceptor(region).readRange(snapshot, InProcessTransport.KEYSPACE, range);
    }
  }

  private void acceptDirectly(String region, byte[] key, Proposal proposal, @Nullable Committed base) {
    byte[] itemKey = InProcessTransport.itemKey(key);
    network.acceptor(region).handle(itemKey, new Prepare(proposal.ballot()));
    assertThat(network.acceptor(region).handle(itemKey, new Accept(proposal, base))).isInstanceOf(Done.class);
  }

  @Test
  void anAcceptorAnswersItsCommittedValuesDeletesAndOpenProposalsInKeyOrder() {
    in("us-east-1").write(TABLE, key("a"), put("1"));
    in("us-east-1").write(TABLE, key("b"), put("2"));
    in("us-east-1").write(TABLE, key("b"), DELETE);
    Proposal open = Proposal.first(new ReplicationStamp(System.currentTimeMillis() + 1000, "us-west-2"), null,
        value("3"));
    acceptDirectly("us-east-1", key("c"), open, null);

    Range range = answer("us-east-1", ALL);

    assertThat(range.lastRead()).isNull();
    assertThat(range.entries()).extracting(entry -> text(entry.key()))
        .containsExactly("a", "b", "c");
    assertThat(range.entries().get(0).committed().value()).isEqualTo(value("1"));
    assertThat(range.entries().get(1).committed().value()).as("a delete, with its ballot").isEqualTo(ItemValue.ABSENT);
    assertThat(range.entries().get(2)).isEqualTo(new RangeEntry(peerKey("c"), null, open));
    assertThat(answer("us-east-1", new RangeRead(Bytes.EMPTY, null, true, 10, 100)).entries())
        .extracting(entry -> text(entry.key())).containsExactly("c", "b", "a");
  }

  @Test
  void anAcceptorStopsAtItsKeysOrBytesAndSaysWhere() {
    for (String k : List.of("a", "b", "c", "d")) {
      in("us-east-1").write(TABLE, key(k), put(k.repeat(100)));
    }

    Range twoKeys = answer("us-east-1", new RangeRead(peerKey("b"), null, false, 2, RangeRead.MAX_BYTES));
    assertThat(twoKeys.entries()).hasSize(2);
    assertThat(twoKeys.lastRead()).isEqualTo(peerKey("c"));
    Range bounded = answer("us-east-1", new RangeRead(peerKey("b"), peerKey("d"), false, 2, RangeRead.MAX_BYTES));
    assertThat(bounded.entries()).extracting(entry -> text(entry.key()))
        .containsExactly("b", "c");
    assertThat(bounded.lastRead()).as("the range ends before d").isNull();
    Range bytes = answer("us-east-1", new RangeRead(Bytes.EMPTY, null, false, RangeRead.MAX_KEYS, 150));
    assertThat(bytes.entries()).as("the key that reaches the bytes is in").hasSize(2);
    assertThat(bytes.lastRead()).isEqualTo(peerKey("b"));
    Range exact = answer("us-east-1", new RangeRead(peerKey("c"), null, false, 2, RangeRead.MAX_BYTES));
    assertThat(exact.entries()).hasSize(2);
    assertThat(exact.lastRead()).as("nothing is left after its last key").isNull();
  }

  @Test
  void aProposalAcceptedOnAnOlderValueIsNotReported() {
    in("us-east-1").write(TABLE, key("a"), put("1"));
    Committed first = new WitnessValues().read(network.engine("us-east-1").snapshot(),
        InProcessTransport.itemKey(key("a")));
    Proposal stale = Proposal.first(new ReplicationStamp(first.ballot().millis() + 1, "us-west-2"), first.ballot(),
        value("2"));
    acceptDirectly("us-east-1", key("a"), stale, first);
    Committed newer = new Committed(new ReplicationStamp(first.ballot().millis() + 5, "us-east-2"), value("3"));
    network.acceptor("us-east-1").handle(InProcessTransport.itemKey(key("a")), new Commit(newer, first.ballot()));

    assertThat(answer("us-east-1", ALL).entries()).containsExactly(new RangeEntry(peerKey("a"), newer, null));
  }

  @Test
  void aWriteChosenByTheOtherTwoRegionsIsReadInTheThird() {
    in("us-east-1", without("us-west-2")).write(TABLE, key("a"), put("1"));

    assertThat(answer("us-west-2", ALL).entries()).as("never reached it").isEmpty();
    assertThat(items(in("us-west-2").readRange(TABLE, ALL))).containsExactly("a=1");
  }

  @Test
  void aValueAcceptedAndNeverCommittedIsCompletedByTheRead() {
    Proposal open = Proposal.first(new ReplicationStamp(System.currentTimeMillis(), "us-east-1"), null, value("1"));
    acceptDirectly("us-east-1", key("a"), open, null);
    acceptDirectly("us-east-2", key("a"), open, null);

    assertThat(items(in("us-west-2").readRange(TABLE, ALL))).containsExactly("a=1");
    assertThat(answer("us-west-2", ALL).entries()).as("the read committed it everywhere it reached")
        .containsExactly(new RangeEntry(peerKey("a"), open.chosen(), null));
  }

  /** Values accepted in us-east-1 and us-east-2 and committed nowhere, {@code a=1}, {@code b=2}...: all may be chosen. */
  private void openWrites(String... keys) {
    for (int i = 0; i < keys.length; i++) {
      Proposal open = Proposal.first(new ReplicationStamp(System.currentTimeMillis(), "us-east-1"), null,
          value(String.valueOf(i + 1)));
      acceptDirectly("us-east-1", key(keys[i]), open, null);
      acceptDirectly("us-east-2", key(keys[i]), open, null);
    }
  }

  @Test
  void aPagesUnfinishedWritesAreCompletedSideBySide() {
    openWrites("a", "b", "c");
    in("us-west-2").write(TABLE, key("d"), put("4"));
    // Each key's Prepare is held until all three keys' Prepares were sent: reading the keys one after another, the
    // first key's Prepare would wait past the phase limit and the page would fail.
    Set<String> preparing = ConcurrentHashMap.newKeySet();
    CompletableFuture<Void> allPreparing = new CompletableFuture<>();
    PaxosTransport heldPrepares = (target, table, key, request) -> {
      if (!(request instanceof Prepare)) {
        return network.send(target, table, key, request);
      }
      preparing.add(new String(key, StandardCharsets.UTF_8));
      if (preparing.size() == 3) {
        allPreparing.complete(null);
      }
      return allPreparing.thenCompose(all -> network.send(target, table, key, request));
    };

    assertThat(items(in("us-west-2", heldPrepares).readRange(TABLE, ALL))).containsExactly("a=1", "b=2", "c=3",
        "d=4");
    assertThat(preparing).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(answer("us-west-2", ALL).entries()).as("the reads committed them everywhere they reached")
        .extracting(entry -> text(entry.key()) + (entry.accepted() == null ? "" : " open"))
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void aPageFailsWhenOneOfItsUnfinishedWritesCannotBeCompleted() {
    openWrites("a", "b", "c");
    // Every request on c is lost: its read cannot gather a quorum, while a's and b's complete.
    PaxosTransport losingC = (target, table, key, request) -> new String(key, StandardCharsets.UTF_8).equals("c")
        ? new CompletableFuture<>() : network.send(target, table, key, request);

    assertThatThrownBy(() -> in("us-west-2", losingC).readRange(TABLE, ALL)).isInstanceOfSatisfying(
        DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
          assertThat(e.getMessage()).isEqualTo(ConsensusErrors.UNAVAILABLE);
        });
    assertThat(items(in("us-west-2").readRange(TABLE, ALL))).as("c was left open, and is completed now")
        .containsExactly("a=1", "b=2", "c=3");
  }

  @Test
  void aDeleteInTheOtherRegionsHidesTheItem() {
    in("us-east-1").write(TABLE, key("a"), put("1"));
    in("us-east-1").write(TABLE, key("b"), put("2"));
    in("us-east-1", without("us-west-2")).write(TABLE, key("a"), DELETE);

    assertThat(answer("us-west-2", ALL).entries()).hasSize(2);
    assertThat(items(in("us-west-2").readRange(TABLE, ALL))).containsExactly("b=2");
  }

  @Test
  void pagesOfAFewKeysMeetKeysOnlyThePeersHaveAndMissNone() {
    for (String k : List.of("a", "c", "e")) {
      in("us-west-2").write(TABLE, key(k), put(k));
    }
    for (String k : List.of("b", "d", "f", "g")) {
      in("us-east-1", without("us-west-2")).write(TABLE, key(k), put(k));
    }

    assertThat(pages(false)).containsExactly("a=a", "b=b", "c=c", "d=d", "e=e", "f=f", "g=g");
    assertThat(pages(true)).containsExactly("g=g", "f=f", "e=e", "d=d", "c=c", "b=b", "a=a");
  }

  /** Every page of two keys in us-west-2, each starting after where the last stopped. */
  private List<String> pages(boolean reverse) {
    List<String> read = new ArrayList<>();
    Bytes start = Bytes.EMPTY;
    Bytes end = null;
    for (int page = 0; page < 20; page++) {
      ItemConsensus.Range range = in("us-west-2").readRange(TABLE, new RangeRead(start, end, reverse, 2,
          RangeRead.MAX_BYTES));
      assertThat(range.items()).hasSizeLessThanOrEqualTo(2 * 2);
      read.addAll(items(range));
      Bytes lastRead = range.lastRead();
      if (lastRead == null) {
        return read;
      }
      if (reverse) {
        end = lastRead;
      } else {
        start = Bytes.wrap(KeyRange.after(lastRead.toByteArray()));
      }
    }
    throw new AssertionError("more than 20 pages: " + read);
  }

  @Test
  void oneRegionDownIsReadAroundAndTwoDownIsUnavailable() {
    in("us-east-1").write(TABLE, key("a"), put("1"));
    network.down("us-east-2");
    assertThat(items(in("us-west-2").readRange(TABLE, ALL))).containsExactly("a=1");

    network.down("us-east-1");
    assertThatThrownBy(() -> in("us-west-2").readRange(TABLE, ALL)).isInstanceOfSatisfying(DynamoException.class,
        e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
          assertThat(e.getMessage()).isEqualTo(ConsensusErrors.UNAVAILABLE);
        });
  }
}
