package io.shaledb.core.catalog;

import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.stream.StreamDescriptor;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One catalog change in progress ({@link TableCatalog#change}): reads see the catalog as committed when the change
 * began plus its own writes, and every read joins the storage transaction's conflict set, so the change commits only
 * if what it decided from is still true; otherwise it is redone from fresh reads.
 */
public final class CatalogTransaction {
  private final Transaction tx;
  /** What this change wrote, by name and by ARN (empty: deleted), for the cache once it commits. */
  private final Map<String, Optional<TableMetadata>> tables = new LinkedHashMap<>();
  private final Map<String, Optional<StreamDescriptor>> streams = new LinkedHashMap<>();
  private final Map<String, Optional<WitnessedTable>> witnessed = new LinkedHashMap<>();

  CatalogTransaction(Transaction tx) {
    this.tx = tx;
  }

  /** The table of that name, as this change sees it. */
  public Optional<TableMetadata> table(String name) {
    Optional<TableMetadata> written = tables.get(name);
    if (written != null) {
      return written;
    }
    byte[] stored = tx.get(SystemKeyspace.table(name));
    return stored == null ? Optional.empty() : Optional.of(TableMetadataCodec.decode(stored));
  }

  /** Creates or replaces a table's metadata. */
  public void putTable(TableMetadata table) {
    tx.put(SystemKeyspace.table(table.name()), TableMetadataCodec.encode(table));
    tables.put(table.name(), Optional.of(table));
  }

  /**
   * Removes a table; its keyspace, its indexes' and its point-in-time recovery history are dropped (their keys are
   * removed in the background).
   */
  public void deleteTable(TableMetadata table) {
    deleteTableKeepingItems(table);
    dropKeyspace(table.keyspace());
  }

  /**
   * Removes a table as {@link #deleteTable} does but keeps its items' keyspace, which the caller hands to a new owner
   * (the SYSTEM backup of a table deleted with point-in-time recovery on).
   */
  public void deleteTableKeepingItems(TableMetadata table) {
    tx.delete(SystemKeyspace.table(table.name()));
    tables.put(table.name(), Optional.empty());
    for (IndexMetadata index : table.indexes()) {
      dropKeyspace(index.keyspace());
    }
    table.options().pointInTimeRecovery().ifPresent(recovery -> dropKeyspace(recovery.historyKeyspace()));
    table.options().replication().ifPresent(replication -> dropKeyspace(replication.stampKeyspace()));
  }

  /**
   * Marks a keyspace whose owner this change removes (a table, an index, a stream past retention) for its keys to
   * be removed in the background, also after a crash.
   */
  public void dropKeyspace(int keyspace) {
    tx.put(SystemKeyspace.dropped(keyspace), new byte[0]);
  }

  /** Reserves {@code count} fresh, consecutive keyspace ids and returns the first. */
  public int allocateKeyspaces(int count) {
    byte[] next = tx.get(SystemKeyspace.nextKeyspace());
    int first = next == null ? SystemKeyspace.FIRST_USER_KEYSPACE : ByteBuffer.wrap(next).getInt();
    tx.put(SystemKeyspace.nextKeyspace(), ByteBuffer.allocate(Integer.BYTES).putInt(first + count).array());
    return first;
  }

  public Optional<StreamDescriptor> stream(String arn) {
    Optional<StreamDescriptor> written = streams.get(arn);
    if (written != null) {
      return written;
    }
    byte[] stored = tx.get(SystemKeyspace.stream(arn));
    return stored == null ? Optional.empty() : Optional.of(StreamDescriptor.decode(stored));
  }

  public void putStream(StreamDescriptor stream) {
    tx.put(SystemKeyspace.stream(stream.arn()), stream.encode());
    streams.put(stream.arn(), Optional.of(stream));
  }

  /** Forgets a stream and drops its records' keyspace. */
  public void deleteStream(StreamDescriptor stream) {
    tx.delete(SystemKeyspace.stream(stream.arn()));
    streams.put(stream.arn(), Optional.empty());
    dropKeyspace(stream.keyspace());
  }

  /**
   * Whether a new table may not take the name here: a table of it exists, or this region witnesses a table of it (a
   * region holds one table of a name, and the witness's consensus state answers for that name).
   */
  public boolean nameTaken(String name) {
    return table(name).isPresent() || witnessed(name).isPresent();
  }

  /** The table of that name this region witnesses, as this change sees it. */
  public Optional<WitnessedTable> witnessed(String name) {
    Optional<WitnessedTable> written = witnessed.get(name);
    if (written != null) {
      return written;
    }
    byte[] stored = tx.get(SystemKeyspace.witnessedTable(name));
    return stored == null ? Optional.empty() : Optional.of(WitnessedTable.decode(stored));
  }

  public void putWitnessed(WitnessedTable record) {
    tx.put(SystemKeyspace.witnessedTable(record.name()), record.encode());
    witnessed.put(record.name(), Optional.of(record));
  }

  /** Forgets a witnessed table and drops its keyspace, with the items' consensus state under it. */
  public void deleteWitnessed(WitnessedTable record) {
    tx.delete(SystemKeyspace.witnessedTable(record.name()));
    witnessed.put(record.name(), Optional.empty());
    dropKeyspace(record.keyspace());
  }

  /** The storage transaction, for system keys the change removes or writes along (a stream's trimmed records). */
  public Transaction storage() {
    return tx;
  }

  Map<String, Optional<TableMetadata>> writtenTables() {
    return tables;
  }

  Map<String, Optional<StreamDescriptor>> writtenStreams() {
    return streams;
  }

  Map<String, Optional<WitnessedTable>> writtenWitnessed() {
    return witnessed;
  }
}
