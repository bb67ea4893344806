package io.shaledb.core.consensus;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosReply.Promise;
import io.shaledb.core.consensus.PaxosReply.Range;
import io.shaledb.core.consensus.PaxosReply.Refused;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.ItemRequest;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.consensus.PaxosRequest.Read;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions;
import io.shaledb.core.write.Transactions.Staged;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A region's part in every item's consensus: answers the proposers' requests, each in one storage transaction that
 * reads and changes the item's state ({@code 'J' keyspace 0 key}) and its committed value together, so concurrent
 * requests on one item are serialized by the engine and a restart finds exactly what was answered.
 */
public final class Acceptor {
  static final int STATE_RECORD = 0;
  /**
   * The record marking a key whose accepted proposal is open (not yet committed or decided here), holding when it was
   * accepted, so that {@link OpenProposals} finds the values a quorum may have chosen that nobody committed.
   */
  static final int OPEN_RECORD = 2;

  private final Transactions transactions;
  private final Clock clock;
  private final CommittedValues values;

  public Acceptor(Transactions transactions, Clock clock, CommittedValues values) {
    this.transactions = transactions;
    this.clock = clock;
    this.values = values;
  }

  /**
   * @param itemKey the item's key in this region's keyspace of the table
   * @throws io.shaledb.core.error.DynamoException when the request lost its transaction's conflicts too often (the
   *     proposer counts it as no answer)
   */
  public PaxosReply handle(byte[] itemKey, ItemRequest request) {
    return transactions.run(RequestContext.service(clock), tx -> {
      List<Staged> staged = new ArrayList<>();
      return new Transactions.Committed<>(answer(tx, itemKey, request, staged), staged);
    });
  }

  private PaxosReply answer(Transaction tx, byte[] itemKey, ItemRequest request, List<Staged> staged) {
    byte[] stateKey = SystemKeyspace.paxos(itemKey, STATE_RECORD);
    AcceptorState state = PaxosCodec.decodeState(tx.get(stateKey));
    Committed committed = values.read(tx, itemKey);
    return switch (request) {
      case Prepare(ReplicationStamp ballot) -> {
        ReplicationStamp higher = higherOf(state.promised(), committed);
        if (higher != null && !ballot.isAfter(higher)) {
          yield new Refused(higher);
        }
        tx.put(stateKey, PaxosCodec.encode(new AcceptorState(ballot, state.accepted(), state.decided())));
        yield promise(committed, state);
      }
      case Accept(Proposal proposal, Committed base) -> {
        if (base != null && base.newerThan(committed)) {
          values.apply(tx, itemKey, base, staged); // the previous value, which this region missed
          committed = base;
          closeIfDecided(tx, itemKey, state.accepted(), committed);
        }
        ReplicationStamp promised = state.promised();
        if (promised != null && promised.isAfter(proposal.ballot())) {
          yield new Refused(promised);
        }
        if (!proposal.follows(committed)
            || (committed != null && !proposal.ballot().isAfter(committed.ballot()))) {
          // A newer value was committed since the proposer read: its proposal is of an instance already decided.
          yield new Refused(committed == null ? proposal.ballot() : committed.ballot());
        }
        tx.put(stateKey, PaxosCodec.encode(new AcceptorState(proposal.ballot(), proposal, state.decided())));
        tx.put(SystemKeyspace.paxos(itemKey, OPEN_RECORD), OpenProposals.encodeAccepted(clock.millis()));
        yield new Done();
      }
      case Commit(Committed value, ReplicationStamp base) -> {
        Proposal accepted = state.accepted();
        if (value.newerThan(committed)) {
          values.apply(tx, itemKey, value, staged);
          if (accepted != null && !accepted.follows(value)) {
            accepted = null;
          }
        }
        AcceptorState next = new AcceptorState(state.promised(), accepted, state.decided())
            .decide(new Decided(value.ballot(), base));
        if (!next.equals(state)) {
          tx.put(stateKey, PaxosCodec.encode(next));
        }
        closeIfDecided(tx, itemKey, accepted, value.newerThan(committed) ? value : committed);
        yield new Done();
      }
      case Read() -> promise(committed, state);
    };
  }

  /**
   * Removes the key's open mark when its accepted proposal was decided since: by a Commit or a base this acceptor
   * applied, or by the stream, which changes the committed value without the acceptor (so {@link OpenProposals} asks
   * here after its read). A proposal still open keeps its mark.
   */
  public void closeIfDecided(byte[] itemKey) {
    transactions.run(RequestContext.service(clock), tx -> {
      Proposal accepted = PaxosCodec.decodeState(tx.get(SystemKeyspace.paxos(itemKey, STATE_RECORD))).accepted();
      closeIfDecided(tx, itemKey, accepted, values.read(tx, itemKey));
      return Transactions.Committed.nothing(true);
    });
  }

  private static void closeIfDecided(Transaction tx, byte[] itemKey, @Nullable Proposal accepted,
      @Nullable Committed committed) {
    if (accepted == null || !accepted.follows(committed)) {
      tx.delete(SystemKeyspace.paxos(itemKey, OPEN_RECORD));
    }
  }

  /**
   * Answers a range read from {@code reader}, one consistent snapshot: a read promises nothing, so it changes nothing
   * and takes no transaction (whose reads would each be a conflict with the writes it overlaps). Walks the committed
   * values and the acceptor records of the range's keys side by side, in the range's order, and reports each key that
   * has either a committed value or a proposal accepted on it; it stops after {@link RangeRead#MAX_KEYS} keys read,
   * or the request's fewer, or once the values it reports reach the request's bytes (at most {@link
   * RangeRead#MAX_BYTES}).
   *
   * @param keyspace the keyspace of the table's items in this region
   */
  public Range readRange(KvReader reader, int keyspace, RangeRead range) {
    int maxKeys = Math.min(range.maxKeys(), RangeRead.MAX_KEYS);
    long maxBytes = Math.min(range.maxBytes(), RangeRead.MAX_BYTES);
    Comparator<byte[]> order = range.reverse() ? (a, b) -> Arrays.compareUnsigned(b, a) : Arrays::compareUnsigned;
    List<RangeEntry> entries = new ArrayList<>();
    try (CommittedCursor committed = values.committedIn(reader, keyspace, range);
        KvCursor states = reader.scan(range.paxosRecords(keyspace, STATE_RECORD), range.reverse())) {
      byte[] committedKey = committed.next() ? committed.itemKey() : null;
      byte[] stateKey = states.next() ? SystemKeyspace.paxosItemKey(states.key()) : null;
      int read = 0;
      long bytes = 0;
      while (committedKey != null || stateKey != null) {
        int first = committedKey == null ? 1 : stateKey == null ? -1 : order.compare(committedKey, stateKey);
        byte[] key = Objects.requireNonNull(first <= 0 ? committedKey : stateKey, "one of the two is left");
        Committed value = null;
        if (first <= 0) {
          value = committed.committed(key);
          committedKey = committed.next() ? committed.itemKey() : null;
        }
        Proposal accepted = null;
        if (first >= 0) {
          accepted = PaxosCodec.decodeState(states.value()).accepted();
          stateKey = states.next() ? SystemKeyspace.paxosItemKey(states.key()) : null;
        }
        if (accepted != null && !accepted.follows(value)) {
          accepted = null; // of an instance decided since
        }
        if (value != null || accepted != null) {
          RangeEntry entry = new RangeEntry(peerKey(key), value, accepted);
          entries.add(entry);
          bytes += entry.size();
        }
        read++;
        if ((read >= maxKeys || bytes >= maxBytes) && (committedKey != null || stateKey != null)) {
          return new Range(entries, peerKey(key));
        }
      }
    }
    return new Range(entries, null);
  }

  /** An item's key as a range read's answer carries it: without the keyspace id. */
  private static Bytes peerKey(byte[] itemKey) {
    return Bytes.wrap(Arrays.copyOfRange(itemKey, KeyCodec.KEYSPACE_BYTES, itemKey.length));
  }

  private static Promise promise(@Nullable Committed committed, AcceptorState state) {
    Proposal accepted = state.accepted();
    return new Promise(committed, accepted != null && accepted.follows(committed) ? accepted : null,
        state.decided());
  }

  /** The higher of the promised ballot and the committed one: a new ballot must pass both. */
  private static @Nullable ReplicationStamp higherOf(@Nullable ReplicationStamp promised,
      @Nullable Committed committed) {
    if (committed == null) {
      return promised;
    }
    return promised == null || committed.ballot().isAfter(promised) ? committed.ballot() : promised;
  }
}
