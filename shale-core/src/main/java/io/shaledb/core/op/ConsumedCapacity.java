package io.shaledb.core.op;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Capacity an operation consumed on one table, as ReturnConsumedCapacity reports it. DynamoDB's arithmetic: reads
 * in 4 KB units (half for eventually consistent reads), writes in 1 KB units, each at least one unit.
 *
 * @param capacityUnits the total, the table's share and every index's together
 * @param shares what INDEXES adds, or null when only the total was asked for
 */
public record ConsumedCapacity(String tableName, double capacityUnits, @Nullable Shares shares) {
  private static final int READ_UNIT_BYTES = 4096;
  private static final int WRITE_UNIT_BYTES = 1024;

  /**
   * The table's own share and each index's that the request touched, by index name in the order first charged.
   * DynamoDB reports only CapacityUnits in each (the API's syntax also lists read and write units, which neither the
   * service's recorded answers nor DynamoDB Local carry).
   */
  public record Shares(double table, Map<String, Double> localSecondaryIndexes,
      Map<String, Double> globalSecondaryIndexes) {
    public Shares {
      localSecondaryIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(localSecondaryIndexes));
      globalSecondaryIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(globalSecondaryIndexes));
    }
  }

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
