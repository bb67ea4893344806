package io.shaledb.core.schema;

/** How a table is billed. Persisted by ordinal: never reorder. */
public enum BillingMode {
  PROVISIONED,
  PAY_PER_REQUEST
}
