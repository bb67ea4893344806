package io.shaledb.core.consensus;

import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions.Staged;
import io.shaledb.core.write.WritePipeline;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A replica's committed values: the table's items, each with its replication stamp as the committed ballot, so that
 * every reader of the table (GetItem, Query, Scan, indexes, the stream) sees exactly the committed values, and the
 * asynchronous stream carries them to a region that missed them. Read only while the table is still the one of its
 * keyspace: every acceptor request reads the item's value first, so reading the table's record in that transaction
 * puts it in the request's conflict set, and a request racing the table's deletion commits before it or is refused,
 * never writing under a keyspace already dropped (as {@link WitnessedValues} does for the witness).
 */
public final class TableValues implements CommittedValues {
  private final WritePipeline writes;
  private final TableCatalog catalog;
  private final TableMetadata table;
  private final Replication replication;

  /** @param table a replicated table (it has a stamp keyspace) */
  public TableValues(WritePipeline writes, TableCatalog catalog, TableMetadata table) {
    this.writes = writes;
    this.catalog = catalog;
    this.table = table;
    this.replication = table.options().replication()
        .orElseThrow(() -> new IllegalArgumentException(table.name() + " is not replicated"));
  }

  @Override
  public @Nullable Committed read(KvReader reader, byte[] itemKey) {
    checkCurrent(reader);
    ReplicationStamp ballot = ItemStamps.stored(reader, replication, itemKey);
    if (ballot == null) {
      return null;
    }
    byte[] stored = reader.get(itemKey);
    return new Committed(ballot, stored == null ? ItemValue.ABSENT : new ItemValue(stored));
  }

  /**
   * Walks the range's stamps: every item committed through the consensus has one (an MRSC table is empty when made),
   * and a deleted one keeps it as its tombstone.
   */
  @Override
  public CommittedCursor committedIn(KvReader reader, int keyspace, RangeRead range) {
    checkCurrent(reader);
    return new CommittedCursor(reader.scan(range.in(replication.stampKeyspace()), range.reverse()),
        stampKey -> ItemStamps.itemKey(keyspace, stampKey), (itemKey, stamp) -> {
          byte[] stored = reader.get(itemKey);
          return new Committed(ItemStamps.decode(stamp), stored == null ? ItemValue.ABSENT : new ItemValue(stored));
        });
  }

  private void checkCurrent(KvReader reader) {
    if (catalog.current(reader, table.name(), table.keyspace()).isEmpty()) {
      throw DynamoException.resourceNotFound("Requested resource not found: Table: " + table.name() + " not found");
    }
  }

  @Override
  public void apply(Transaction tx, byte[] itemKey, Committed value, List<Staged> staged) {
    byte[] bytes = value.value().bytes();
    writes.stageChosen(tx, table, itemKey, bytes == null ? null : ItemCodec.decode(bytes), value.ballot(), staged);
  }
}
