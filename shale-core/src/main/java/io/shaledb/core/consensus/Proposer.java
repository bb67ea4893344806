package io.shaledb.core.consensus;

import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosReply.Promise;
import io.shaledb.core.consensus.PaxosReply.Range;
import io.shaledb.core.consensus.PaxosReply.Refused;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.consensus.PaxosRequest.Read;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.write.ItemConsensus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs a region's writes and strongly consistent reads of items of a table of multi-region strong consistency
 * (docs/global-tables.md, "A write", "A strongly consistent read"): Prepare, completing an unfinished proposal first,
 * Accept, Commit, each to the three regions, going on with the first two answers.
 */
public final class Proposer {
  private static final System.Logger LOG = System.getLogger(Proposer.class.getName());
  /** Rounds one request may run (completing another region's proposal takes one) before it gives up. */
  static final int ROUNDS = 4;
  /**
   * Rounds more a write whose value may still be chosen runs, proposing no new value, to learn whether it was: so that
   * it answers success or ReplicatedWriteConflictException rather than an unknown outcome.
   */
  static final int SETTLING_ROUNDS = 4;
  /** The longest pause before a round that follows a refused one. */
  private static final long MAX_BACKOFF_MILLIS = 16;
  /**
   * How many times a write asks its own region to commit its chosen value, so that a lost request or a transaction
   * that lost its conflicts too often does not leave it out of this region's own reads.
   */
  static final int COMMIT_ATTEMPTS = 3;
  private static final Comparator<Committed> BY_BALLOT = Comparator.comparing(Committed::ballot);
  /** How many keys of a range read with an unfinished write are read at once. */
  static final int PARALLEL_READS = 16;
  /** The key a range read is sent with: its range is in the request. */
  private static final byte[] NO_KEY = new byte[0];

  private final String region;
  private final List<String> regions;
  private final int quorum;
  private final PaxosTransport transport;
  private final Clock clock;
  private final Duration timeout;
  /**
   * The last ballot's time this proposer made, so that its concurrent rounds (on any item) never share a ballot. Only
   * a hint: acceptors refuse a ballot they promised already, which is what keeps two equal ballots from both winning.
   */
  private final AtomicLong lastBallot = new AtomicLong();

  /**
   * @param regions the table's three regions (the witness's too), {@code region} among them
   * @param timeout how long a phase waits for its quorum
   */
  public Proposer(String region, List<String> regions, PaxosTransport transport, Clock clock, Duration timeout) {
    if (!regions.contains(region)) {
      throw new IllegalArgumentException(region + " is not one of " + regions);
    }
    this.region = region;
    this.regions = List.copyOf(regions);
    this.quorum = regions.size() / 2 + 1;
    this.transport = transport;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** How a write makes the item's new value of its committed one; it may refuse by throwing (a false condition). */
  @FunctionalInterface
  public interface Change {
    ItemValue apply(ItemValue current);
  }

  /** A write's result: the value it replaced and the value it chose. */
  public record Written(ItemValue previous, ItemValue current) {}

  /**
   * Writes the item: {@code change} is applied to its latest committed value, and the result chosen to follow it.
   *
   * @throws DynamoException what {@code change} threw; ReplicatedWriteConflictException or ServiceUnavailable when the
   *     write took no effect; InternalServerError when its outcome is unknown
   */
  public Written write(String table, byte[] key, Change change) {
    Proposal ours = null; // our value once proposed: from then on it may be chosen, and is never made again
    ItemValue replaced = ItemValue.ABSENT;
    ReplicationStamp seen = null;
    boolean refused = false;
    Progress last = null; // where ours stood in the last round a quorum promised, for the log of an unknown outcome
    for (int round = 0; round < ROUNDS + SETTLING_ROUNDS; round++) {
      boolean settling = round >= ROUNDS;
      if (settling && ours == null) {
        break;
      }
      if (refused) {
        backOff(round);
      }
      ReplicationStamp ballot = nextBallot(seen);
      Replies prepared = gather(table, key, new Prepare(ballot), Promise.class);
      if (!prepared.quorum()) {
        seen = prepared.higher(seen);
        refused = prepared.refusals() > 0;
        if (!refused && (ours == null || settling)) {
          throw ours == null ? ConsensusErrors.unavailable() : unknown(table, key, round + 1,
              "a settling round's Prepare reached fewer than two regions, none of them refusing it");
        }
        continue;
      }
      Committed committed = latest(prepared.promises());
      Proposal unfinished = unfinished(prepared.promises(), committed);
      refused = false;
      if (ours != null) {
        Progress progress = progress(ours, committed, unfinished, prepared.promises());
        if (progress == Progress.UNKNOWN) {
          // The first two regions to answer do not remember ours's instance; the third, or a late Commit, may.
          progress = fate(ours, gather(table, key, new Read(), Promise.class, regions.size()).promises());
        }
        last = progress;
        switch (progress) {
          case CHOSEN -> {
            commit(table, key, ours);
            return new Written(replaced, ours.value());
          }
          case OPEN -> {
            // Ours, or nothing, is the highest accepted in its instance: proposing it again decides it.
            if (choose(table, key, ours.under(ballot), committed)) {
              return new Written(replaced, ours.value());
            }
            seen = ballot;
            refused = true;
            continue;
          }
          case LOST -> {
            // Another value was accepted above ours in its instance; once that is chosen ours never can be.
            if (choose(table, key, Objects.requireNonNull(unfinished).under(ballot), committed)) {
              ours = null;
            } else {
              refused = true;
            }
            continue;
          }
          case BEHIND -> {
            // The quorum has not all committed the value ours was made on; finishing its instance brings it there.
            if (unfinished != null) {
              choose(table, key, unfinished.under(ballot), committed);
            }
            continue;
          }
          case SUPERSEDED -> ours = null; // it took no effect: the write is made afresh on the latest value
          case UNKNOWN -> throw unknown(table, key, round + 1, "no region can tell whether its value was chosen: its"
              + " instance was followed by newer values, and none of the regions that answered saw it decided");
        }
      }
      if (unfinished != null) {
        refused = !choose(table, key, unfinished.under(ballot), committed);
        continue;
      }
      if (settling) {
        break; // ours took no effect, and a new value is proposed only in the first rounds
      }
      replaced = valueOf(committed);
      ours = Proposal.first(ballot, committed == null ? null : committed.ballot(), change.apply(replaced));
      if (choose(table, key, ours, committed)) {
        return new Written(replaced, ours.value());
      }
      seen = ballot;
      refused = true;
    }
    if (ours == null) {
      throw ConsensusErrors.conflict();
    }
    throw unknown(table, key, ROUNDS + SETTLING_ROUNDS, "its value may still be chosen after every round; last seen "
        + (last == null ? "in no round a quorum promised" : last) + ", the last round "
        + (refused ? "refused" : "not refused"));
  }

  /**
   * The error of a write whose outcome is unknown (500), logged with its cause: such answers are rare, and which of
   * the protocol's limits each one met is what tells whether a change would remove it.
   */
  private static DynamoException unknown(String table, byte[] key, int rounds, String cause) {
    LOG.log(System.Logger.Level.WARNING, "write of table {0}, key hash {1}, answered with an unknown outcome after {2}"
        + " rounds: {3}", table, HexFormat.of().toHexDigits(Arrays.hashCode(key)), rounds, cause);
    return ConsensusErrors.unknown();
  }

  /**
   * Pauses before a round that follows a refused one, a random time up to a bound doubling with the rounds: writers
   * of one item in different regions refuse each other's ballots, and without it they keep doing so in step.
   */
  private static void backOff(int round) {
    long bound = Math.min(MAX_BACKOFF_MILLIS, 1L << round);
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(bound)));
  }

  /** Where a value we proposed stands, by what a quorum's promises show. */
  private enum Progress {
    /** It was chosen and committed in some region. */
    CHOSEN,
    /** Its instance is still open, and it is the highest proposal accepted there, or none is: it may yet be chosen. */
    OPEN,
    /** Its instance is open, and another value was accepted above it: finishing that one shuts ours out. */
    LOST,
    /**
     * The quorum's latest committed value is older than the one ours was made on (commits are not waited for), so
     * ours cannot be placed yet.
     */
    BEHIND,
    /** Its instance was decided for another value, and followed by newer values: ours never will be chosen. */
    SUPERSEDED,
    /** Its instance was decided and followed by newer values: whether ours was the one cannot be told. */
    UNKNOWN
  }

  private static Progress progress(Proposal ours, @Nullable Committed committed, @Nullable Proposal unfinished,
      List<Promise> promises) {
    if (committed != null && committed.ballot().equals(ours.origin())) {
      return Progress.CHOSEN;
    }
    ReplicationStamp base = ours.base();
    if (base != null && (committed == null || base.isAfter(committed.ballot()))) {
      return Progress.BEHIND;
    }
    if (!ours.follows(committed)) {
      return fate(ours, promises);
    }
    return unfinished == null || unfinished.origin().equals(ours.origin()) ? Progress.OPEN : Progress.LOST;
  }

  /**
   * Where ours stands once its instance was followed by newer values, by what the quorum knows of the values chosen
   * since: an acceptor that saw its instance decided names the value chosen there; and since an item's chosen values
   * follow one another in the order of their origin ballots, one chosen after the base ours was made on with an
   * origin before ours shows that the value chosen right after the base was not ours. Else no acceptor of the quorum
   * remembers.
   */
  private static Progress fate(Proposal ours, List<Promise> promises) {
    List<Decided> decided = promises.stream().flatMap(promise -> promise.decided().stream()).toList();
    for (Decided instance : decided) {
      if (instance.decides(ours)) {
        return instance.origin().equals(ours.origin()) ? Progress.CHOSEN : Progress.SUPERSEDED;
      }
    }
    List<ReplicationStamp> chosen = Stream.concat(decided.stream().map(Decided::origin),
        promises.stream().map(Promise::committed).filter(Objects::nonNull).map(Committed::ballot)).toList();
    if (chosen.contains(ours.origin())) {
      return Progress.CHOSEN;
    }
    ReplicationStamp base = ours.base();
    boolean earlierChosen = chosen.stream()
        .anyMatch(origin -> (base == null || origin.isAfter(base)) && ours.origin().isAfter(origin));
    return earlierChosen ? Progress.SUPERSEDED : Progress.UNKNOWN;
  }

  /**
   * The item's latest chosen value, as a strongly consistent read sees it: every write acknowledged before the call
   * is in it or was followed by a later one.
   */
  public ItemValue read(String table, byte[] key) {
    ReplicationStamp seen = null;
    for (int round = 0; round < ROUNDS; round++) {
      Replies read = gather(table, key, new Read(), Promise.class);
      if (!read.quorum()) {
        throw ConsensusErrors.unavailable();
      }
      Committed committed = latest(read.promises());
      if (unfinished(read.promises(), committed) == null) {
        return valueOf(committed);
      }
      // A write may have been chosen and not yet committed: finish it, so that this read and every later one see it.
      ReplicationStamp ballot = nextBallot(seen);
      Replies prepared = gather(table, key, new Prepare(ballot), Promise.class);
      if (!prepared.quorum()) {
        seen = prepared.higher(seen);
        if (prepared.refusals() == 0) {
          throw ConsensusErrors.unavailable();
        }
        continue;
      }
      committed = latest(prepared.promises());
      Proposal unfinished = unfinished(prepared.promises(), committed);
      if (unfinished == null) {
        return valueOf(committed);
      }
      choose(table, key, unfinished.under(ballot), committed);
    }
    throw ConsensusErrors.conflict();
  }

  /**
   * The items of a key range as a strongly consistent read sees them (docs/global-tables.md, "A strongly consistent
   * read"): every region is asked what it committed in the range and accepted on it, and the first two answers are
   * merged per key, up to the earlier of the keys where an answer stopped short (past it, only one answer may have
   * the key). A key's value is the one of its highest committed ballot in either answer; a key with a proposal
   * accepted on that value (a write that may have been chosen and not yet committed) is read as {@link #read} reads
   * it, which finishes the write; such keys are read side by side. Every write acknowledged before the call was
   * accepted by two regions, one of which answered, so it is in the result or was followed by a later value.
   *
   * @return the present items and where the read stopped, with keys as the range's (without a keyspace id)
   * @throws DynamoException ServiceUnavailable when fewer than two regions answered; what {@link #read} throws for
   *     the first key, in the range's order, whose read failed
   */
  public ItemConsensus.Range readRange(String table, RangeRead range) {
    Replies answered = gather(table, NO_KEY, range, Range.class);
    if (!answered.quorum()) {
      throw ConsensusErrors.unavailable();
    }
    Comparator<Bytes> order = range.reverse() ? Comparator.reverseOrder() : Comparator.naturalOrder();
    List<Range> answers = answered.good(Range.class);
    Bytes lastRead = answers.stream().map(Range::lastRead).filter(Objects::nonNull).min(order).orElse(null);
    SortedMap<Bytes, List<RangeEntry>> keys = new TreeMap<>(order);
    for (Range answer : answers) {
      for (RangeEntry entry : answer.entries()) {
        if (lastRead == null || order.compare(entry.key(), lastRead) <= 0) {
          keys.computeIfAbsent(entry.key(), key -> new ArrayList<>()).add(entry);
        }
      }
    }
    SortedMap<Bytes, ItemValue> values = new TreeMap<>(order);
    List<Bytes> open = new ArrayList<>();
    keys.forEach((key, entries) -> {
      Committed committed = entries.stream().map(RangeEntry::committed).filter(Objects::nonNull).max(BY_BALLOT)
          .orElse(null);
      values.put(key, valueOf(committed));
      if (entries.stream().map(RangeEntry::accepted)
          .anyMatch(accepted -> accepted != null && accepted.follows(committed))) {
        open.add(key);
      }
    });
    values.putAll(readAll(table, open));
    List<ItemConsensus.Item> items = new ArrayList<>();
    values.forEach((key, value) -> {
      byte[] stored = value.bytes();
      if (stored != null) {
        items.add(new ItemConsensus.Item(key.toByteArray(), stored));
      }
    });
    return new ItemConsensus.Range(items, lastRead);
  }

  /**
   * Reads each of {@code keys} as {@link #read} does, up to {@link #PARALLEL_READS} at once (on virtual threads: a
   * read only waits for regions), so that a page meeting many unfinished writes costs a few round trips, not a few
   * per key. When reads fail, the failure of the first such key in {@code keys}' order is thrown, as reading them in
   * turn would; the reads not started by then are not made.
   */
  private Map<Bytes, ItemValue> readAll(String table, List<Bytes> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<Bytes, ItemValue> values = new HashMap<>();
    try (ExecutorService readers = Executors.newFixedThreadPool(Math.min(PARALLEL_READS, keys.size()),
        Thread.ofVirtual().name("range-read-", 0).factory())) {
      List<Future<ItemValue>> reads = keys.stream()
          .map(key -> readers.submit(() -> read(table, key.toByteArray()))).toList();
      try {
        for (int i = 0; i < keys.size(); i++) {
          values.put(keys.get(i), reads.get(i).get());
        }
      } catch (ExecutionException e) {
        reads.forEach(read -> read.cancel(false));
        throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        reads.forEach(read -> read.cancel(false));
        Thread.currentThread().interrupt();
        throw ConsensusErrors.unavailable();
      }
    }
    return values;
  }

  /** Accept and, once a quorum accepted, Commit; true when the proposal was chosen. */
  private boolean choose(String table, byte[] key, Proposal proposal, @Nullable Committed base) {
    Replies accepted = gather(table, key, new Accept(proposal, base), Done.class);
    if (!accepted.quorum()) {
      return false;
    }
    commit(table, key, proposal);
    return true;
  }

  /**
   * Sends a chosen value to every region, and waits for this region to have committed it, asking it again when it
   * did not answer, so that an answered write is in this region's own reads. A value still not committed here after
   * {@link #COMMIT_ATTEMPTS} is chosen all the same: the next request on the item, or the stream, brings it here.
   */
  private void commit(String table, byte[] key, Proposal chosen) {
    Commit commit = new Commit(chosen.chosen(), chosen.base());
    CompletableFuture<PaxosReply> local = null;
    for (String member : regions) {
      CompletableFuture<PaxosReply> sent = transport.send(member, table, key, commit);
      if (member.equals(region)) {
        local = sent;
      }
    }
    for (int attempt = 1; !done(Objects.requireNonNull(local)) && attempt < COMMIT_ATTEMPTS; attempt++) {
      local = transport.send(region, table, key, commit);
    }
  }

  private boolean done(CompletableFuture<PaxosReply> reply) {
    try {
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS) instanceof Done;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ReplicationStamp nextBallot(@Nullable ReplicationStamp seen) {
    long floor = seen == null ? 0 : seen.millis() + 1;
    long millis = lastBallot.updateAndGet(last -> Math.max(Math.max(clock.millis(), floor), last + 1));
    return new ReplicationStamp(millis, region);
  }

  private static @Nullable Committed latest(List<Promise> promises) {
    return promises.stream().map(Promise::committed).filter(Objects::nonNull).max(BY_BALLOT).orElse(null);
  }

  /** The proposal of the highest ballot accepted on the latest committed value, if any: it may have been chosen. */
  private static @Nullable Proposal unfinished(List<Promise> promises, @Nullable Committed committed) {
    return promises.stream().map(Promise::accepted).filter(Objects::nonNull).filter(p -> p.follows(committed))
        .max(Comparator.comparing(Proposal::ballot)).orElse(null);
  }

  private static ItemValue valueOf(@Nullable Committed committed) {
    return committed == null ? ItemValue.ABSENT : committed.value();
  }

  /** Sends {@code request} to every region and waits for a quorum of {@code wanted} replies, or for it to fail. */
  private Replies gather(String table, byte[] key, PaxosRequest request, Class<? extends PaxosReply> wanted) {
    return gather(table, key, request, wanted, quorum);
  }

  /** Sends {@code request} to every region and waits for {@code enough} {@code wanted} replies, or for it to fail. */
  private Replies gather(String table, byte[] key, PaxosRequest request, Class<? extends PaxosReply> wanted,
      int enough) {
    Replies replies = new Replies(wanted, enough, regions.size());
    for (String member : regions) {
      transport.send(member, table, key, request).whenComplete((reply, failure) -> replies.add(reply));
    }
    return replies.await(timeout);
  }

  /** The replies of one phase as they come, decided once a quorum is wanted replies or can no longer be. */
  private static final class Replies {
    private final Class<? extends PaxosReply> wanted;
    private final int quorum;
    private final int members;
    private final List<PaxosReply> good = new ArrayList<>();
    private final List<Refused> refused = new ArrayList<>();
    private int failed;
    private final CompletableFuture<Void> decided = new CompletableFuture<>();

    Replies(Class<? extends PaxosReply> wanted, int quorum, int members) {
      this.wanted = wanted;
      this.quorum = quorum;
      this.members = members;
    }

    synchronized void add(@Nullable PaxosReply reply) {
      if (decided.isDone()) {
        return;
      }
      switch (reply) {
        case Refused refusal -> refused.add(refusal);
        case null -> failed++;
        default -> {
          if (wanted.isInstance(reply)) {
            good.add(reply);
          } else {
            failed++;
          }
        }
      }
      if (good.size() >= quorum || refused.size() + failed > members - quorum) {
        decided.complete(null);
      }
    }

    Replies await(Duration timeout) {
      try {
        decided.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // decided by what came in time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        decided.complete(null);
        return this;
      }
    }

    synchronized boolean quorum() {
      return good.size() >= quorum;
    }

    synchronized int refusals() {
      return refused.size();
    }

    synchronized List<Promise> promises() {
      return good(Promise.class);
    }

    synchronized <T extends PaxosReply> List<T> good(Class<T> type) {
      return good.stream().map(type::cast).toList();
    }

    /** The highest ballot the refusals named, or {@code seen}. */
    synchronized @Nullable ReplicationStamp higher(@Nullable ReplicationStamp seen) {
      ReplicationStamp highest = seen;
      for (Refused refusal : refused) {
        if (highest == null || refusal.higher().isAfter(highest)) {
          highest = refusal.higher();
        }
      }
      return highest;
    }
  }
}
