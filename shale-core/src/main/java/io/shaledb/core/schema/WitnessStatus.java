package io.shaledb.core.schema;

/** A witness's status as DynamoDB names it (GlobalTableWitnessDescription). Persisted by ordinal: never reorder. */
public enum WitnessStatus {
  CREATING,
  ACTIVE,
  DELETING
}
