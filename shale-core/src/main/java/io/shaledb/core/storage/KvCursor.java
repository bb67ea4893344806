package io.shaledb.core.storage;

/**
 * A forward-only cursor over key-value pairs. {@link #next()} must be called before the first {@link #key()}.
 * The arrays returned must not be modified: an engine may share them with its own structures. They stay valid after
 * the cursor moves on or closes, so a reader may keep them (a page of stored items does).
 */
public interface KvCursor extends AutoCloseable {

  /** Moves to the next pair; false when the range is exhausted. */
  boolean next();

  byte[] key();

  byte[] value();

  @Override
  void close();
}
