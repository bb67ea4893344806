package io.shaledb.core.capacity;

/** Reads and writes have buckets of their own. */
public enum Access {
  READ,
  WRITE
}
