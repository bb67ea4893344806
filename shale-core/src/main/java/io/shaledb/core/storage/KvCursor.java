package io.shaledb.core.storage;

/**
 * A forward-only cursor over key-value pairs. {@link #next()} must be called before the first {@link #key()}.
 * The arrays returned must not be modified: an engine may share them with its own structures.
 */
public interface KvCursor extends AutoCloseable {

  /** Moves to the next pair; false when the range is exhausted. */
  boolean next();

  byte[] key();

  byte[] value();

  @Override
  void close();
}
