package io.shaledb.core.capacity;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.schema.TableMetadata;
import java.util.IdentityHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The admission of one batch's items on one table (BatchWriteItem, BatchGetItem). An item is admitted while the
 * table's units, less what the batch's earlier items spent, and its partition's units, less the same, stay above zero,
 * and, for a write, while the partition of each global index its entries will land on holds units less what the
 * batch's earlier entries there will cost: DynamoDB leaves a batch's items unprocessed when a global index's partition
 * cannot take their entries, as it throttles a single write then ("Provisioned throughput considerations for global
 * secondary indexes"). The rest is left unprocessed for the client to send again, as DynamoDB does per item. Each item
 * left so is one throttle event (ReadThrottleEvents or WriteThrottleEvents, of the table or of the index, as the
 * CloudWatch metrics count a throttled item within a batch); a batch of which nothing could be processed fails as a
 * whole with {@link #refusal()}.
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
  /** What each partition (of the table or a global index) the batch touched holds, less what the batch spent on it. */
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

  /** Whether the table is enforced, so that admission needs more than the table: a write's index entries. */
  public boolean enforced() {
    return throughput != null;
  }

  /** Whether the item whose partition-key hash is {@code keyHash} may be processed now; if not, one throttle event. */
  public boolean admits(int keyHash) {
    return admits(keyHash, List.of());
  }

  /**
   * Whether {@link #admits(int)} would admit the item now, counting no throttle event: what the batch spends later
   * only takes units away, so an item not admitted now never will be, and work to fetch it would be wasted.
   */
  public boolean wouldAdmit(int keyHash) {
    Throughput enforcing = throughput;
    return enforcing == null || (tableUnits > 0 && units(enforcing, enforcing.partition(table, keyHash))[0] > 0);
  }

  /**
   * Whether the write of the item whose partition-key hash is {@code keyHash}, putting {@code entries} in global
   * indexes, may be processed now; if not, one throttle event.
   */
  public boolean admits(int keyHash, List<GlobalIndexEntry> entries) {
    Throughput enforcing = throughput;
    if (enforcing == null) {
      return true;
    }
    if (tableUnits <= 0) {
      enforcing.unprocessed(table, access);
      return false;
    }
    if (units(enforcing, enforcing.partition(table, keyHash))[0] <= 0) {
      refused(enforcing.partitionRefusal(table, null, access));
      return false;
    }
    for (GlobalIndexEntry entry : entries) {
      if (units(enforcing, enforcing.indexPartition(table, entry.index(), entry.keyHash()))[0] <= 0) {
        refused(enforcing.partitionRefusal(table, entry.index(), access));
        return false;
      }
    }
    return true;
  }

  /**
   * Spends an admitted item's {@code units} from the table's and its partition's budgets, and charges the partition
   * (the table is charged through the request's meter).
   */
  public void spend(int keyHash, double units) {
    spend(keyHash, units, List.of());
  }

  /**
   * Spends an admitted write's {@code units} as {@link #spend(int, double)} does, and its {@code entries}' units from
   * their index partitions' budgets; the entries are charged once written, when their sizes are exact.
   */
  public void spend(int keyHash, double units, List<GlobalIndexEntry> entries) {
    Throughput enforcing = throughput;
    if (enforcing == null) {
      return;
    }
    tableUnits -= units;
    units(enforcing, enforcing.partition(table, keyHash))[0] -= units;
    enforcing.consumedPartition(table, keyHash, access, units);
    for (GlobalIndexEntry entry : entries) {
      units(enforcing, enforcing.indexPartition(table, entry.index(), entry.keyHash()))[0] -= entry.units();
    }
  }

  /** The error of a batch of which nothing could be processed: the table's throttling error, or a partition's. */
  public @Nullable DynamoException refusal() {
    return tableRefusal != null ? tableRefusal : partitionRefusal;
  }

  private void refused(DynamoException refused) {
    partitionRefusal = partitionRefusal == null ? refused : partitionRefusal;
  }

  private double[] units(Throughput enforcing, Partition partition) {
    return partitionUnits.computeIfAbsent(partition,
        counted -> new double[] {counted.units(access, enforcing.now())});
  }
}
