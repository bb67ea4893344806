package io.shaledb.core.catalog;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import io.shaledb.core.stream.StreamDescriptor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The tables and streams of a database. The truth is the system keyspace ({@link SystemKeyspace}); this class keeps
 * a cache of its committed state for lookups, and makes every change as one storage transaction
 * ({@link #change}).
 *
 * <p>The cache is validated by the catalog's version, which every change raises: a change that commits right after
 * the version the cache holds is applied to it; any other gap (a change by another process sharing the engine)
 * reloads it. {@link #refresh} picks up changes made elsewhere. Item writes never trust the cache alone: they read
 * their table's entry in their own transaction ({@link #current}).
 *
 * <p>Several servers may share one engine (a cluster): a table another server created just now is missing from this
 * cache, so a lookup that misses reloads the cache before it answers that the table does not exist.
 */
public final class TableCatalog {
  /** Changes redone on conflicts before one gives up; every redo means another change committed meanwhile. */
  private static final int MAX_ATTEMPTS = 1_000;

  /** A table's metadata with its stored bytes, so a transaction's read can be matched without decoding. */
  private record Entry(TableMetadata table, byte[] stored) {}

  /** One committed state of the catalog; replaced whole, so readers never see half a change. */
  private record State(long version, Map<String, Entry> tables, Map<String, StreamDescriptor> streams,
      Map<String, WitnessedTable> witnessed) {}

  private final StorageEngine storage;
  private volatile State state;

  public TableCatalog(StorageEngine storage) {
    this.storage = storage;
    this.state = load();
  }

  /** The table, looked up in the cache, and when the cache lacks it in the stored catalog. */
  public Optional<TableMetadata> find(String name) {
    Entry entry = state.tables().get(name);
    if (entry == null) {
      refresh();
      entry = state.tables().get(name);
    }
    return Optional.ofNullable(entry == null ? null : entry.table());
  }

  /**
   * The table of that name this region witnesses (multi-region strong consistency) without holding it, looked up as
   * {@link #find} looks up a table: its consensus requests go to an acceptor over the witness's committed values.
   */
  public Optional<WitnessedTable> witnessed(String name) {
    WitnessedTable witnessed = state.witnessed().get(name);
    if (witnessed == null) {
      refresh();
      witnessed = state.witnessed().get(name);
    }
    return Optional.ofNullable(witnessed);
  }

  /**
   * A table's metadata as {@code tx} sees it. Every item write reads it this way, which puts the table's catalog
   * entry in the write's conflict set: a write that overlaps a catalog change (an index added, the table dropped)
   * loses the conflict and runs again with the new metadata, so no write can miss an index.
   *
   * @throws DynamoException ResourceNotFoundException when the table was dropped, or is being restored or filled as a
   *     new replica (CREATING: DynamoDB serves no item requests on it until it is ACTIVE)
   */
  public TableMetadata current(Transaction tx, String name) {
    byte[] stored = tx.get(SystemKeyspace.table(name));
    TableMetadata table = stored == null ? null : decode(name, stored);
    if (table == null || table.creating()) {
      throw DynamoException.resourceNotFound("Requested resource not found");
    }
    return table;
  }

  /**
   * The table as {@code tx} sees it if it is still the one with that keyspace: background work over a table checks
   * this in each of its transactions, so it never acts on a table dropped meanwhile, nor on a new one of that name.
   */
  public Optional<TableMetadata> current(KvReader tx, String name, int keyspace) {
    byte[] stored = tx.get(SystemKeyspace.table(name));
    if (stored == null) {
      return Optional.empty();
    }
    TableMetadata table = decode(name, stored);
    return table.keyspace() == keyspace ? Optional.of(table) : Optional.empty();
  }

  /** The cached metadata when {@code stored} is what the cache holds: a byte comparison instead of a decoding. */
  private TableMetadata decode(String name, byte[] stored) {
    Entry cached = state.tables().get(name);
    return cached != null && Arrays.equals(cached.stored(), stored) ? cached.table()
        : TableMetadataCodec.decode(stored);
  }

  /** All tables, sorted by name. */
  public List<TableMetadata> list() {
    List<TableMetadata> all = new ArrayList<>(state.tables().size());
    state.tables().values().forEach(entry -> all.add(entry.table()));
    all.sort(Comparator.comparing(TableMetadata::name));
    return all;
  }

  /** Every stream, the tables' enabled ones and those kept for reading after they closed, by ARN. */
  public List<StreamDescriptor> streams() {
    List<StreamDescriptor> all = new ArrayList<>(state.streams().values());
    all.sort(Comparator.comparing(StreamDescriptor::arn));
    return all;
  }

  public Optional<StreamDescriptor> stream(String arn) {
    return Optional.ofNullable(state.streams().get(arn));
  }

  /**
   * Makes one catalog change as one storage transaction: {@code body} reads what it decides from through the
   * {@link CatalogTransaction}, validates, writes; the transaction commits, or is redone from fresh reads when
   * another commit changed what it read. A crash leaves the catalog as before or as after, never between.
   *
   * @param body free of side effects outside the transaction, since it may run more than once; a DynamoException it
   *     throws aborts the change
   */
  public <R> R change(Function<CatalogTransaction, R> body) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try (Transaction tx = storage.begin()) {
        long version = version(tx);
        CatalogTransaction change = new CatalogTransaction(tx);
        R result = body.apply(change);
        tx.put(SystemKeyspace.catalogVersion(), ByteBuffer.allocate(Long.BYTES).putLong(version + 1).array());
        tx.commit();
        applied(version + 1, change);
        return result;
      } catch (WriteConflictException e) {
        // Changes of one catalog all conflict on its version: back off a little so concurrent ones interleave.
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000, 50_000L * Math.min(attempt + 1, 20)));
      }
    }
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
        "Too many operations for this subscriber are executing concurrently on the catalog. Please retry.");
  }

  /** Reloads the cache if the stored catalog changed since it was loaded (by another process sharing the engine). */
  public void refresh() {
    long stored;
    try (Snapshot snapshot = storage.consistentSnapshot()) {
      stored = version(snapshot);
    }
    if (stored != state.version()) {
      synchronized (this) {
        state = load();
      }
    }
  }

  /** Brings the cache to a change this process committed as {@code version}. */
  private synchronized void applied(long version, CatalogTransaction change) {
    State current = state;
    if (version <= current.version()) {
      return; // a reload after the commit already holds it
    }
    if (version != current.version() + 1) {
      state = load();
      return;
    }
    Map<String, Entry> tables = new HashMap<>(current.tables());
    change.writtenTables().forEach((name, table) -> {
      if (table.isPresent()) {
        tables.put(name, new Entry(table.get(), TableMetadataCodec.encode(table.get())));
      } else {
        tables.remove(name);
      }
    });
    Map<String, StreamDescriptor> streams = new HashMap<>(current.streams());
    change.writtenStreams().forEach((arn, stream) -> {
      if (stream.isPresent()) {
        streams.put(arn, stream.get());
      } else {
        streams.remove(arn);
      }
    });
    Map<String, WitnessedTable> witnessed = new HashMap<>(current.witnessed());
    change.writtenWitnessed().forEach((name, record) -> {
      if (record.isPresent()) {
        witnessed.put(name, record.get());
      } else {
        witnessed.remove(name);
      }
    });
    state = new State(version, Map.copyOf(tables), Map.copyOf(streams), Map.copyOf(witnessed));
  }

  private State load() {
    try (Snapshot snapshot = storage.consistentSnapshot()) {
      Map<String, Entry> tables = new HashMap<>();
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.TABLE), false)) {
        while (cursor.next()) {
          TableMetadata table = TableMetadataCodec.decode(cursor.value());
          tables.put(table.name(), new Entry(table, cursor.value().clone()));
        }
      }
      Map<String, StreamDescriptor> streams = new HashMap<>();
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.STREAM), false)) {
        while (cursor.next()) {
          StreamDescriptor stream = StreamDescriptor.decode(cursor.value());
          streams.put(stream.arn(), stream);
        }
      }
      Map<String, WitnessedTable> witnessed = new HashMap<>();
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.WITNESSED_TABLE), false)) {
        while (cursor.next()) {
          WitnessedTable record = WitnessedTable.decode(cursor.value());
          witnessed.put(record.name(), record);
        }
      }
      return new State(version(snapshot), Map.copyOf(tables), Map.copyOf(streams), Map.copyOf(witnessed));
    }
  }

  private static long version(KvReader reader) {
    byte[] stored = reader.get(SystemKeyspace.catalogVersion());
    return stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
  }
}
