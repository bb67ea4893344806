package io.shaledb.core.schema;

/**
 * A table's storage class, which DynamoDB prices differently and ShaleDB only records. Persisted by ordinal: never
 * reorder.
 */
public enum TableClass {
  STANDARD,
  STANDARD_INFREQUENT_ACCESS
}
