package io.shaledb.core.consensus;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions.Staged;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The witness's committed values of one table it witnesses, read only while the region still witnesses it: every
 * acceptor request reads the item's value first, so reading the {@link WitnessedTable} record in that transaction
 * puts it in the request's conflict set. A request racing DeleteTableWitness then either commits before the record
 * goes (its state is dropped with the keyspace) or is refused, and never writes under a keyspace already dropped.
 */
final class WitnessedValues implements CommittedValues {
  private final WitnessValues values = new WitnessValues();
  private final WitnessedTable witnessed;

  WitnessedValues(WitnessedTable witnessed) {
    this.witnessed = witnessed;
  }

  @Override
  public @Nullable Committed read(KvReader reader, byte[] itemKey) {
    checkWitnessed(reader);
    return values.read(reader, itemKey);
  }

  @Override
  public CommittedCursor committedIn(KvReader reader, int keyspace, RangeRead range) {
    checkWitnessed(reader);
    return values.committedIn(reader, keyspace, range);
  }

  private void checkWitnessed(KvReader reader) {
    byte[] stored = reader.get(SystemKeyspace.witnessedTable(witnessed.name()));
    if (stored == null || !Arrays.equals(stored, witnessed.encode())) {
      throw DynamoException.resourceNotFound("Requested resource not found: Table: " + witnessed.name()
          + " is no longer witnessed here");
    }
  }

  @Override
  public void apply(Transaction tx, byte[] itemKey, Committed value, List<Staged> staged) {
    values.apply(tx, itemKey, value, staged);
  }
}
