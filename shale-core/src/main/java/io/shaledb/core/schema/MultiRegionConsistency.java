package io.shaledb.core.schema;

/**
 * How a global table's replicas agree (UpdateTable's and DescribeTable's {@code MultiRegionConsistency}): EVENTUAL
 * replicates asynchronously with last writer wins; STRONG runs each write and strongly consistent read through a
 * consensus of the table's three regions (docs/global-tables.md). Chosen when the global table is made, never changed.
 * Persisted by ordinal: never reorder.
 */
public enum MultiRegionConsistency {
  EVENTUAL,
  STRONG
}
