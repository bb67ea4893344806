package io.shaledb.core.catalog;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;

/**
 * The tables of a database, kept in the system keyspace (keyspace 0) of the storage engine and cached in memory.
 *
 * <p>Layout of the system keyspace, after its four zero bytes: {@code 'T' name} maps a table name to its
 * metadata; {@code 'K'} holds the next unused keyspace id (ids are never reused, so a dropped table's stale keys can
 * never be read as a new table's); {@code 'D' keyspace} marks a dropped table whose items are still being cleared,
 * so that clearing resumes after a crash.
 *
 * <p>Catalog changes are rare and serialised by this object's monitor; item operations read the cache without
 * locking.
 */
public final class TableCatalog {
  private static final byte[] SYSTEM = {0, 0, 0, 0};
  private static final byte TABLE = 'T';
  private static final byte NEXT_KEYSPACE = 'K';
  private static final byte DROPPED = 'D';
  private static final byte STREAM = 'S';
  private static final int FIRST_KEYSPACE = 1;

  private final StorageEngine storage;
  /** A table's metadata with its stored bytes, so a transaction's read can be matched without decoding. */
  private record Entry(TableMetadata table, byte[] stored) {}

  private final ConcurrentMap<String, Entry> tables = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, StreamDescriptor> streams = new ConcurrentHashMap<>();

  public TableCatalog(StorageEngine storage) {
    this.storage = storage;
    load();
    finishDrops();
  }

  public Optional<TableMetadata> find(String name) {
    Entry entry = tables.get(name);
    return Optional.ofNullable(entry == null ? null : entry.table());
  }

  /**
   * A table's metadata as {@code tx} sees it. Every item write reads it this way, which puts the table's catalog
   * entry in the write's conflict set: a write that overlaps a catalog change (an index added, the table dropped)
   * loses the conflict and runs again with the new metadata, so no write can miss an index.
   *
   * @throws DynamoException ResourceNotFoundException when the table was dropped
   */
  public TableMetadata current(Transaction tx, String name) {
    byte[] stored = tx.get(tableKey(name));
    if (stored == null) {
      throw DynamoException.resourceNotFound("Requested resource not found");
    }
    Entry cached = tables.get(name);
    return cached != null && Arrays.equals(cached.stored(), stored) ? cached.table()
        : TableMetadataCodec.decode(stored);
  }

  /** All tables, sorted by name. */
  public List<TableMetadata> list() {
    List<TableMetadata> all = new ArrayList<>(tables.values().stream().map(Entry::table).toList());
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  /**
   * Adds a table built by {@code factory} from {@code keyspaces} fresh, consecutive keyspace ids (the table's and its
   * indexes'), of which the factory receives the first.
   *
   * @throws DynamoException ResourceInUseException when a table of that name exists
   */
  public synchronized TableMetadata create(String name, int keyspaces, IntFunction<TableMetadata> factory) {
    if (tables.containsKey(name)) {
      throw DynamoException.resourceInUse("Table already exists: " + name);
    }
    try (Transaction tx = storage.begin()) {
      byte[] next = tx.get(key(NEXT_KEYSPACE));
      int keyspace = next == null ? FIRST_KEYSPACE : ByteBuffer.wrap(next).getInt();
      TableMetadata table = factory.apply(keyspace);
      tx.put(key(NEXT_KEYSPACE), ByteBuffer.allocate(4).putInt(keyspace + keyspaces).array());
      byte[] stored = TableMetadataCodec.encode(table);
      tx.put(tableKey(name), stored);
      tx.commit();
      tables.put(name, new Entry(table, stored));
      return table;
    }
  }

  /** Replaces a table's metadata; the name and keyspace must be unchanged. */
  public synchronized void update(TableMetadata table) {
    byte[] stored = TableMetadataCodec.encode(table);
    try (Transaction tx = storage.begin()) {
      tx.put(tableKey(table.name()), stored);
      tx.commit();
    }
    tables.put(table.name(), new Entry(table, stored));
  }

  /** Adds an index built by {@code factory} from a fresh keyspace id to a table, returning the new metadata. */
  public synchronized TableMetadata addIndex(TableMetadata table, IntFunction<IndexMetadata> factory) {
    try (Transaction tx = storage.begin()) {
      byte[] next = tx.get(key(NEXT_KEYSPACE));
      int keyspace = next == null ? FIRST_KEYSPACE : ByteBuffer.wrap(next).getInt();
      List<IndexMetadata> indexes = new ArrayList<>(table.indexes());
      indexes.add(factory.apply(keyspace));
      TableMetadata updated = table.withIndexes(indexes);
      tx.put(key(NEXT_KEYSPACE), ByteBuffer.allocate(4).putInt(keyspace + 1).array());
      byte[] stored = TableMetadataCodec.encode(updated);
      tx.put(tableKey(table.name()), stored);
      tx.commit();
      tables.put(updated.name(), new Entry(updated, stored));
      return updated;
    }
  }

  /** Removes an index from a table, then its entries. */
  public synchronized TableMetadata dropIndex(TableMetadata table, IndexMetadata index) {
    TableMetadata updated = table.withIndexes(table.indexes().stream().filter(i -> i != index).toList());
    byte[] stored = TableMetadataCodec.encode(updated);
    try (Transaction tx = storage.begin()) {
      tx.put(tableKey(table.name()), stored);
      tx.put(droppedKey(index.keyspace()), new byte[0]);
      tx.commit();
    }
    tables.put(updated.name(), new Entry(updated, stored));
    clear(index.keyspace());
    return updated;
  }

  /** Removes a table and then its items. */
  public synchronized void drop(TableMetadata table) {
    try (Transaction tx = storage.begin()) {
      tx.delete(tableKey(table.name()));
      tx.put(droppedKey(table.keyspace()), new byte[0]);
      for (var index : table.indexes()) {
        tx.put(droppedKey(index.keyspace()), new byte[0]);
      }
      tx.commit();
    }
    tables.remove(table.name());
    clear(table.keyspace());
    table.indexes().forEach(index -> clear(index.keyspace()));
  }

  /** Every stream, the tables' enabled ones and those kept for reading after they closed, by ARN. */
  public List<StreamDescriptor> streams() {
    List<StreamDescriptor> all = new ArrayList<>(streams.values());
    all.sort((a, b) -> a.arn().compareTo(b.arn()));
    return all;
  }

  public Optional<StreamDescriptor> stream(String arn) {
    return Optional.ofNullable(streams.get(arn));
  }

  /** Records a stream so it can be listed and read, also after it closes. */
  public synchronized void saveStream(StreamDescriptor stream) {
    try (Transaction tx = storage.begin()) {
      tx.put(streamKey(stream.arn()), stream.encode());
      tx.commit();
    }
    streams.put(stream.arn(), stream);
  }

  /** Allocates a fresh keyspace id, for a stream enabled on an existing table. */
  public synchronized int allocateKeyspace() {
    try (Transaction tx = storage.begin()) {
      byte[] next = tx.get(key(NEXT_KEYSPACE));
      int keyspace = next == null ? FIRST_KEYSPACE : ByteBuffer.wrap(next).getInt();
      tx.put(key(NEXT_KEYSPACE), ByteBuffer.allocate(4).putInt(keyspace + 1).array());
      tx.commit();
      return keyspace;
    }
  }

  private void load() {
    try (var snapshot = storage.snapshot();
        KvCursor cursor = snapshot.scan(KeyRange.prefix(key(STREAM)), false)) {
      while (cursor.next()) {
        StreamDescriptor stream = StreamDescriptor.decode(cursor.value());
        streams.put(stream.arn(), stream);
      }
    }
    try (var snapshot = storage.snapshot();
        KvCursor cursor = snapshot.scan(KeyRange.prefix(key(TABLE)), false)) {
      while (cursor.next()) {
        TableMetadata table = TableMetadataCodec.decode(cursor.value());
        tables.put(table.name(), new Entry(table, cursor.value().clone()));
      }
    }
  }

  private void finishDrops() {
    List<Integer> pending = new ArrayList<>();
    try (var snapshot = storage.snapshot();
        KvCursor cursor = snapshot.scan(KeyRange.prefix(key(DROPPED)), false)) {
      while (cursor.next()) {
        pending.add(ByteBuffer.wrap(cursor.key(), SYSTEM.length + 1, 4).getInt());
      }
    }
    pending.forEach(this::clear);
  }

  private void clear(int keyspace) {
    storage.clearRange(KeyRange.prefix(ByteBuffer.allocate(4).putInt(keyspace).array()));
    try (Transaction tx = storage.begin()) {
      tx.delete(droppedKey(keyspace));
      tx.commit();
    }
  }

  private static byte[] key(byte kind) {
    return new byte[] {0, 0, 0, 0, kind};
  }

  private static byte[] tableKey(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(SYSTEM.length + 1 + utf8.length).put(SYSTEM).put(TABLE).put(utf8).array();
  }

  private static byte[] streamKey(String arn) {
    byte[] utf8 = arn.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(SYSTEM.length + 1 + utf8.length).put(SYSTEM).put(STREAM).put(utf8).array();
  }

  private static byte[] droppedKey(int keyspace) {
    return ByteBuffer.allocate(SYSTEM.length + 5).put(SYSTEM).put(DROPPED).putInt(keyspace).array();
  }
}
