package io.shaledb.core.schema;

/** A table's life-cycle state as DescribeTable reports it. */
public enum TableStatus {
  CREATING,
  UPDATING,
  DELETING,
  ACTIVE
}
