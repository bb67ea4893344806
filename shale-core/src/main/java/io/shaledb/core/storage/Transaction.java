package io.shaledb.core.storage;

/**
 * An optimistic read-write transaction (see {@link StorageEngine} for the isolation contract).
 *
 * <p>Reads see the snapshot taken when the transaction began, overlaid with the transaction's own writes. Every key
 * read with {@link #get} and every key written joins the conflict set checked at commit. Range scans inside a
 * transaction see its snapshot only (not its own writes) and do not join the conflict set.
 *
 * <p>The engine takes ownership of the arrays passed to {@link #put}: callers must not modify them afterwards.
 */
public interface Transaction extends KvReader, AutoCloseable {

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

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
