package io.shaledb.core.api;

/** ReturnConsumedCapacity: whether and how finely to report consumed capacity. */
public enum ReturnConsumedCapacity {
  INDEXES,
  TOTAL,
  NONE
}
