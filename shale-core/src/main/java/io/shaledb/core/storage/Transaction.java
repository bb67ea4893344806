package io.shaledb.core.storage;

import java.util.Arrays;

/**
 * An optimistic read-write transaction (see {@link StorageEngine} for the isolation contract).
 *
 * <p>Reads see committed state no older than the transaction's beginning (see {@link StorageEngine}), overlaid with
 * the transaction's own writes. Every key
 * read with {@link #get} and every key written joins the conflict set checked at commit. Range scans inside a
 * transaction see its snapshot only (not its own writes) and do not join the conflict set.
 *
 * <p>The engine takes ownership of the arrays passed to {@link #put} and {@link #append}: callers must not modify them
 * afterwards.
 */
public interface Transaction extends KvReader, AutoCloseable {

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /**
   * Appends {@code bytes} to the value under {@code key} (an absent key counts as empty), atomically with the rest of
   * the transaction; {@link #get} in the same transaction sees the value with the bytes appended. For a key that only
   * transactions which all write another, checked key in common append to (a point-in-time history record, appended
   * to only with its item): they commit one after the other, so the value holds their appends in commit order.
   *
   * <p>An engine that can append without reading the value (RocksDB's merge) leaves the key out of the conflict set,
   * so an append costs a write and no read; the default reads and writes it as {@link #get} and {@link #put} do.
   */
  default void append(byte[] key, byte[] bytes) {
    byte[] value = get(key);
    if (value == null) {
      put(key, bytes);
      return;
    }
    byte[] appended = Arrays.copyOf(value, value.length + bytes.length);
    System.arraycopy(bytes, 0, appended, value.length, bytes.length);
    put(key, appended);
  }

  /**
   * Writes {@code value} under {@code prefix} followed by this transaction's versionstamp: 8 big-endian bytes the
   * engine assigns when it commits. Versionstamps are unique and strictly increase in commit order across every
   * transaction of the engine (several calls in one transaction get increasing stamps in call order), and a snapshot
   * that sees a stamped key sees every key stamped lower. A log written this way is therefore read in commit order,
   * with no gap that a later commit could fill. The key joins no conflict set: it cannot exist before the commit.
   */
  void putVersionstamped(byte[] prefix, byte[] value);

  /**
   * Applies all writes atomically (and durably, for durable engines) before returning.
   *
   * @throws WriteConflictException when another commit touched a key in this transaction's conflict set after it
   *     began; nothing was written and the caller may retry with a new transaction
   * @throws StorageUnavailableException when the engine cannot write now (a full disk); the commit was not
   *     acknowledged
   */
  void commit();

  /** Discards the transaction's writes unless it committed. */
  @Override
  void close();
}
