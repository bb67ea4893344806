package io.shaledb.core.capacity;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.schema.TableMetadata;
import java.util.IdentityHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The admission of one batch's items on one table (BatchWriteItem, BatchGetItem). An item is admitted while the
 * table's units, less what the batch's earlier items spent, and its partition's units, less the same, stay above zero;
 * the rest is left unprocessed for the client to send again, as DynamoDB does per item. Each item left so is one
 * throttle event (ReadThrottleEvents or WriteThrottleEvents, as the CloudWatch metrics count a throttled item within a
 * batch); a batch of which nothing could be processed fails as a whole with {@link #refusal()}.
 *
 * <p>Made per request and used on its thread only.
 */
public final class BatchAdmission {
  /** Null for work that is never throttled (the database's own). */
  private final @Nullable Throughput throughput;
  private final TableMetadata table;
  private final Access access;
  private final @Nullable DynamoException tableRefusal;
  private double tableUnits;
  /** What each partition the batch touched holds, less what the batch spent on it. */
  private final IdentityHashMap<Partition, double[]> partitionUnits = new IdentityHashMap<>();
  private @Nullable DynamoException partitionRefusal;

  /** @param throughput null, or not enforced on the table, to admit every item */
  public BatchAdmission(@Nullable Throughput throughput, TableMetadata table, Access access) {
    this.throughput = throughput != null && throughput.enforced(table) ? throughput : null;
    this.table = table;
    this.access = access;
    this.tableRefusal = this.throughput == null ? null : this.throughput.quietRefusal(table, access);
    this.tableUnits = this.throughput == null ? Double.POSITIVE_INFINITY : tableRefusal != null ? 0
        : this.throughput.available(table, access);
  }

  /** Whether the item whose partition-key hash is {@code keyHash} may be processed now; if not, one throttle event. */
  public boolean admits(int keyHash) {
    Throughput enforcing = throughput;
    if (enforcing == null) {
      return true;
    }
    if (tableUnits <= 0) {
      enforcing.unprocessed(table, access);
      return false;
    }
    if (partitionUnits(enforcing, keyHash)[0] > 0) {
      return true;
    }
    DynamoException refused = enforcing.partitionRefusal(table, access);
    partitionRefusal = partitionRefusal == null ? refused : partitionRefusal;
    return false;
  }

  /**
   * Spends an admitted item's {@code units} from the table's and its partition's budgets, and charges the partition
   * (the table is charged through the request's meter).
   */
  public void spend(int keyHash, double units) {
    Throughput enforcing = throughput;
    if (enforcing == null) {
      return;
    }
    tableUnits -= units;
    partitionUnits(enforcing, keyHash)[0] -= units;
    enforcing.consumedPartition(table, keyHash, access, units);
  }

  /** The error of a batch of which nothing could be processed: the table's throttling error, or a partition's. */
  public @Nullable DynamoException refusal() {
    return tableRefusal != null ? tableRefusal : partitionRefusal;
  }

  private double[] partitionUnits(Throughput enforcing, int keyHash) {
    return partitionUnits.computeIfAbsent(enforcing.partition(table, keyHash),
        partition -> new double[] {partition.units(access, enforcing.now())});
  }
}
