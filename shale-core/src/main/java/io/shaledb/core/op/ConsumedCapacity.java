package io.shaledb.core.op;


/**
 * Capacity an operation consumed on one table, as ReturnConsumedCapacity reports it. DynamoDB's arithmetic: reads
 * in 4 KB units (half for eventually consistent reads), writes in 1 KB units, each at least one unit.
 *
 * @param withTableDetail INDEXES was asked for, so the table's own share is reported too
 */
public record ConsumedCapacity(String tableName, double capacityUnits, boolean withTableDetail) {
  private static final int READ_UNIT_BYTES = 4096;
  private static final int WRITE_UNIT_BYTES = 1024;

  /** Read units for {@code bytes} read in one request (a GetItem, or all the items a Query or Scan read). */
  public static double readUnits(long bytes, boolean consistent) {
    long units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
    return consistent ? units : units / 2.0;
  }

  /** Write units for writing an item of {@code bytes} (the larger of the old and new item). */
  public static double writeUnits(long bytes) {
    return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
  }
}
