package io.shaledb.core.consensus;

import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions.Staged;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an acceptor keeps its items' committed values: a replica in its table (the item and its replication stamp),
 * the witness in its system keyspace ({@link WitnessValues}). Both are read and written in the acceptor's transaction.
 */
public interface CommittedValues {

  /** The item's committed value, or null when none was committed. */
  @Nullable Committed read(KvReader reader, byte[] itemKey);

  /**
   * The committed values of the range's items in {@code keyspace} (the table's keyspace here), in the range's order:
   * a range read's, from one snapshot.
   */
  CommittedCursor committedIn(KvReader reader, int keyspace, RangeRead range);

  /**
   * Stores {@code value} as the item's committed value; called only with a value newer than {@link #read}'s.
   *
   * @param staged where the item changes it staged are added, for the table's statistics once the transaction commits
   */
  void apply(Transaction tx, byte[] itemKey, Committed value, List<Staged> staged);
}
