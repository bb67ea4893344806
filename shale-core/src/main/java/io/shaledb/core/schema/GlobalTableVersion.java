package io.shaledb.core.schema;

/**
 * The two versions of DynamoDB's global tables, which differ in how a table becomes global and what may be done to
 * it: 2017.11.29 joins existing empty tables of the same name through CreateGlobalTable and UpdateGlobalTable;
 * 2019.11.21 creates replicas through UpdateTable's ReplicaUpdates. Persisted by ordinal: never reorder.
 */
public enum GlobalTableVersion {
  V2019_11_21("2019.11.21"),
  V2017_11_29("2017.11.29");

  private final String label;

  GlobalTableVersion(String label) {
    this.label = label;
  }

  /** As DescribeTable's GlobalTableVersion says it. */
  public String label() {
    return label;
  }
}
