package io.shaledb.core.consensus;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions.Staged;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The witness's committed values: it has no table, so it keeps each item's last committed value and ballot in its
 * system keyspace, enough to bring the two replicas' quorums the latest value when one of them missed it.
 */
public final class WitnessValues implements CommittedValues {
  static final int RECORD = 1;

  @Override
  public @Nullable Committed read(KvReader reader, byte[] itemKey) {
    return PaxosCodec.decodeCommitted(reader.get(SystemKeyspace.paxos(itemKey, RECORD)));
  }

  @Override
  public CommittedCursor committedIn(KvReader reader, int keyspace, RangeRead range) {
    return new CommittedCursor(reader.scan(range.paxosRecords(keyspace, RECORD), range.reverse()),
        SystemKeyspace::paxosItemKey,
        (itemKey, stored) -> Objects.requireNonNull(PaxosCodec.decodeCommitted(stored), "a stored record"));
  }

  @Override
  public void apply(Transaction tx, byte[] itemKey, Committed value, List<Staged> staged) {
    tx.put(SystemKeyspace.paxos(itemKey, RECORD), PaxosCodec.encode(value));
  }
}
