package io.shaledb.core.storage;

/** A read-only, point-in-time view of an engine. Close it to release the versions it pins. */
public interface Snapshot extends KvReader, AutoCloseable {
  @Override
  void close();
}
