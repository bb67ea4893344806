package io.shaledb.core.storage;

import org.jspecify.annotations.Nullable;

/**
 * An optimistic read-write transaction (see {@link StorageEngine} for the isolation contract).
 *
 * <p>Reads see committed state no older than the transaction's beginning (see {@link StorageEngine}), overlaid with
 * the transaction's own writes. Every key
 * read with {@link #get} and every key written joins the conflict set checked at commit. Range scans inside a
 * transaction see its snapshot only (not its own writes) and do not join the conflict set.
 *
 * <p>The engine takes ownership of the arrays passed to {@link #put}: callers must not modify them afterwards.
 */
public interface Transaction extends KvReader, AutoCloseable {

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /**
   * Reads {@code key} as {@link #get} does, without adding it to the conflict set: for a key that only transactions
   * which all write another, checked key in common ever write, so that two of them conflict on that key anyway (a
   * point-in-time history record, written only with its item). Engines without the distinction read as {@link #get}.
   */
  default byte @Nullable [] getUntracked(byte[] key) {
    return get(key);
  }

  /**
   * Writes {@code key} as {@link #put} does, atomically with the rest of the transaction, without adding it to the
   * conflict set; the same condition as {@link #getUntracked} applies.
   */
  default void putUntracked(byte[] key, byte[] value) {
    put(key, value);
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
