package io.shaledb.core.schema;

/** The role of a key attribute. Persisted by ordinal: never reorder. */
public enum KeyType {
  HASH,
  RANGE
}
