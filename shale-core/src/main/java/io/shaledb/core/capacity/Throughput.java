package io.shaledb.core.capacity;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToLongFunction;
import java.util.function.LongToDoubleFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Enforces tables' throughput: before a request works on a table or global index it is admitted only while the
 * resource's bucket holds capacity, and once done it is charged what it consumed (through the request's
 * {@code CapacityMeter}), as DynamoDB admits and charges. Provisioned resources accrue their provisioned units per
 * second and keep up to 300 seconds of unused units for bursts; on-demand ones accrue double their previous peak, up
 * to OnDemandThroughput's maximum and the account's per-table limit.
 *
 * <p>A table that is not enforced costs one look at the server's mode and the table's tags. Buckets live in memory,
 * per table incarnation (a table dropped and created again under its name starts afresh); a server that restarts
 * starts them again, as a partition that moves does in DynamoDB. Where partitions begin is kept in storage
 * ({@link PartitionBoundaries}), since a split lasts.
 */
public final class Throughput {
  /** The account's per-table quota for on-demand tables (DescribeLimits' TableMax*CapacityUnits). */
  public static final long TABLE_MAX_UNITS = 40_000;

  private final CapacityMode serverMode;
  private final Clock clock;
  private final UnaryOperator<String> tableArn;
  private final IntToLongFunction sizeBytes;
  private final PartitionBoundaries boundaries;
  private final Map<String, TableThroughput> tables = new ConcurrentHashMap<>();
  private final Consumption consumption = new Consumption();
  private volatile ThrottleListener listener = ThrottleListener.NONE;
  /** Whether any table was ever enforced: until then charges have nothing to update. */
  private volatile boolean tracking;

  /**
   * @param tableArn a table's ARN by its name, for the throttling reasons
   * @param sizeBytes the size of a table's items by its keyspace, which sets a floor to its partition count
   * @param boundaries where partitions began when the database opened, and where their splits are kept
   */
  public Throughput(CapacityMode serverMode, Clock clock, UnaryOperator<String> tableArn,
      IntToLongFunction sizeBytes, PartitionBoundaries boundaries) {
    this.serverMode = serverMode;
    this.clock = clock;
    this.tableArn = tableArn;
    this.sizeBytes = sizeBytes;
    this.boundaries = boundaries;
  }

  /** What the tables that auto scaling watches consumed, by minute; whether or not they are enforced. */
  public Consumption consumption() {
    return consumption;
  }

  /** Has {@code throttles} told of every refusal from now on, after the listeners already told. */
  public synchronized void listen(ThrottleListener throttles) {
    ThrottleListener before = listener;
    this.listener = before == ThrottleListener.NONE ? throttles : event -> {
      before.throttled(event);
      throttles.throttled(event);
    };
  }

  /** Whether requests on {@code table} are throttled. */
  public boolean enforced(TableMetadata table) {
    return serverMode.forTable(table.tags()) == CapacityMode.ENFORCE;
  }

  /**
   * Admits a request that will {@code access} the table, or the global index {@code index} (a local index's
   * consumption is the table's). A write is admitted only while the table and every global index it maintains have
   * write capacity, since DynamoDB throttles a table's writes when one of its global indexes cannot take them.
   *
   * @throws DynamoException the throttling error of the first resource without capacity
   */
  public void admit(TableMetadata table, @Nullable IndexMetadata index, Access access) {
    if (!enforced(table)) {
      return;
    }
    DynamoException refused = refusal(table, index, access);
    if (refused != null) {
      throw refused;
    }
  }

  /**
   * Admits a request that will {@code access} one item of the table, whose partition-key hash is {@code keyHash}: the
   * table must have capacity, and so must the item's partition (see {@link Partitions}).
   *
   * @throws DynamoException the throttling error of the table, or of the partition
   */
  public void admitKey(TableMetadata table, int keyHash, Access access) {
    DynamoException refused = refusalKey(table, keyHash, access);
    if (refused != null) {
      throw refused;
    }
  }

  /**
   * Why a request that will {@code access} one item of the table would be refused now, or null; see
   * {@link #admitKey}. Each refusal is told to the listener as one throttle event.
   */
  public @Nullable DynamoException refusalKey(TableMetadata table, int keyHash, Access access) {
    if (!enforced(table)) {
      return null;
    }
    DynamoException refused = refusal(table, null, access);
    if (refused != null) {
      return refused;
    }
    long now = clock.millis();
    if (partitionUnits(table, keyHash, access, now) > 0) {
      return null;
    }
    return partitionRefusal(table, null, access);
  }

  /** The units the partition of {@code keyHash} holds now for {@code access}. */
  double partitionUnits(TableMetadata table, int keyHash, Access access, long now) {
    return partitions(table, now).of(keyHash).units(access, now);
  }

  /** The partition of {@code keyHash}, for a batch's budget of it. */
  Partition partition(TableMetadata table, int keyHash) {
    return partitions(table, clock.millis()).of(keyHash);
  }

  /**
   * The partition of {@code keyHash} in the global index {@code index}, for a batch's budget of it; the index is the
   * table's as {@code table} has it now.
   */
  Partition indexPartition(TableMetadata table, IndexMetadata index, int keyHash) {
    return partitions(table, index, clock.millis()).of(keyHash);
  }

  /**
   * A partition's refusal, of the table's or of its global index {@code index}, told to the listener as a throttle
   * event.
   */
  DynamoException partitionRefusal(TableMetadata table, @Nullable IndexMetadata index, Access access) {
    listener.throttled(new ThrottleListener.Event(table.name(), index == null ? null : index.name(), access,
        Throttles.Limit.KEY_RANGE));
    return Throttles.throttled(table.billingMode() == BillingMode.PAY_PER_REQUEST, index != null, access,
        Throttles.Limit.KEY_RANGE, index == null ? tableArn.apply(table.name()) : indexArn(table, index));
  }

  /** Tells the listener of an item a batch left unprocessed for lack of its table's capacity. */
  void unprocessed(TableMetadata table, Access access) {
    long now = clock.millis();
    listener.throttled(new ThrottleListener.Event(table.name(), null, access,
        limit(table, null, state(table, now).table(), access, now)));
  }

  /** Why the table refuses {@code access} now, or null, without telling the listener: a batch tells per item. */
  @Nullable DynamoException quietRefusal(TableMetadata table, Access access) {
    return refusal(table, null, access, ThrottleListener.NONE);
  }

  /** Charges a batch item's {@code units} to its partition; the table is charged through the request's meter. */
  void consumedPartition(TableMetadata table, int keyHash, Access access, double units) {
    long now = clock.millis();
    state(table, now).partitions().consumed(access, keyHash, units, now);
  }

  /**
   * Adopts the partition splits that other servers sharing the storage (a cluster) made and stored, so that a split
   * is seen everywhere without a restart; for the catalog's periodic refresh, off the request path. Costs nothing
   * until a table was enforced here, and then one read of the stored boundaries.
   */
  public void adoptStoredSplits() {
    if (!tracking) {
      return;
    }
    boundaries.reload();
    long now = clock.millis();
    for (TableThroughput table : tables.values()) {
      table.adopt(boundaries, now);
    }
  }

  /** How many partitions the table has now: for tests and documentation of the split rules. */
  public int partitionCount(TableMetadata table) {
    return partitions(table, clock.millis()).count();
  }

  long now() {
    return clock.millis();
  }

  private Partitions partitions(TableMetadata table, long now) {
    return state(table, now).partitions(table, sizeBytes, now);
  }

  /** The partitions of the table or, when {@code globalIndex} is given, of that index. */
  private Partitions partitions(TableMetadata table, @Nullable IndexMetadata globalIndex, long now) {
    return globalIndex == null ? partitions(table, now) : state(table, now).index(table, globalIndex, now)
        .partitions(table.billingMode(), globalIndex.provisionedThroughput(), sizeBytes, now);
  }

  /**
   * Admits one page of a Query or Scan of the table, or of its index {@code index}, whose first key has the
   * partition-key hash {@code startHash}: the table or global index must have read capacity, and so must the
   * partition the page starts in (a local index's partitions are its table's). The page then charges each partition
   * it reads what it read there, through what this returns.
   *
   * @param unitsOfBytes the read units of that many bytes read, as the request reads (consistent or not)
   * @return null when the table is not enforced, when nothing is charged to partitions
   * @throws DynamoException the throttling error of the table or index, or of the partition
   */
  public @Nullable PageReads admitPage(TableMetadata table, @Nullable IndexMetadata index, int startHash,
      LongToDoubleFunction unitsOfBytes) {
    if (!enforced(table)) {
      return null;
    }
    IndexMetadata global = index == null || index.local() ? null : index;
    DynamoException refused = refusal(table, global, Access.READ);
    if (refused != null) {
      throw refused;
    }
    long now = clock.millis();
    Partitions partitions = partitions(table, global, now);
    Partition start = partitions.of(startHash);
    if (start.units(Access.READ, now) <= 0) {
      throw partitionRefusal(table, global, Access.READ);
    }
    return new PageReads(partitions, start, unitsOfBytes, clock);
  }

  /**
   * Why a request that will {@code access} the table (or its global index) would be refused now, or null when it
   * would be admitted; for operations that throttle part of a request, such as a batch.
   */
  public @Nullable DynamoException refusal(TableMetadata table, @Nullable IndexMetadata index, Access access) {
    return refusal(table, index, access, listener);
  }

  private @Nullable DynamoException refusal(TableMetadata table, @Nullable IndexMetadata index, Access access,
      ThrottleListener tell) {
    if (!enforced(table)) {
      return null;
    }
    long now = clock.millis();
    TableThroughput state = state(table, now);
    if (index != null && !index.local()) {
      return refusal(table, index, state.index(table, index, now).rates(), access, now, tell);
    }
    DynamoException refused = refusal(table, null, state.table(), access, now, tell);
    if (refused != null || access == Access.READ) {
      return refused;
    }
    for (IndexMetadata global : table.indexes()) {
      if (!global.local()) {
        refused = refusal(table, global, state.index(table, global, now).rates(), access, now, tell);
        if (refused != null) {
          return refused;
        }
      }
    }
    return null;
  }

  /**
   * The units the table holds now for {@code access}, which a batch may spend before the rest of it is left
   * unprocessed; unbounded when the table is not enforced.
   */
  public double available(TableMetadata table, Access access) {
    if (!enforced(table)) {
      return Double.POSITIVE_INFINITY;
    }
    long now = clock.millis();
    return units(table, null, state(table, now).table(), access, now);
  }

  /** Charges {@code units} to the table of that name or, when {@code globalIndex} is given, to that index. */
  public void consumed(String table, @Nullable String globalIndex, Access access, double units) {
    if (consumption.watching(table)) {
      consumption.record(table, globalIndex, access, units, clock.millis());
    }
    if (!tracking || units == 0) {
      return;
    }
    TableThroughput state = tables.get(table);
    if (state == null) {
      return;
    }
    long now = clock.millis();
    if (globalIndex == null) {
      state.table().consumed(access, units, now);
      return;
    }
    PartitionedThroughput index = state.existingIndex(globalIndex);
    if (index != null) {
      index.rates().consumed(access, units, now);
    }
  }

  /** Charges {@code units} to the table of that name and to the partition of the item with hash {@code keyHash}. */
  public void consumedKey(String table, int keyHash, Access access, double units) {
    if (consumption.watching(table)) {
      consumption.record(table, null, access, units, clock.millis());
    }
    if (!tracking || units == 0) {
      return;
    }
    TableThroughput state = tables.get(table);
    if (state != null) {
      long now = clock.millis();
      state.table().consumed(access, units, now);
      state.partitions().consumed(access, keyHash, units, now);
    }
  }

  /**
   * Why a write whose entry in the global index {@code index} has the partition-key hash {@code keyHash} would be
   * refused now, or null: the index's partition of that key must have write capacity, since DynamoDB throttles a
   * table's writes when a global index cannot take them ("Provisioned throughput considerations for global secondary
   * indexes"), and an index's partition has the same ceilings as a table's. Each refusal is one throttle event of the
   * index.
   */
  public @Nullable DynamoException indexKeyRefusal(TableMetadata table, IndexMetadata index, int keyHash) {
    if (!enforced(table)) {
      return null;
    }
    long now = clock.millis();
    if (partitions(table, index, now).of(keyHash).units(Access.WRITE, now) > 0) {
      return null;
    }
    return partitionRefusal(table, index, Access.WRITE);
  }

  /**
   * Charges {@code units} written to the global index {@code globalIndex} of the table of that name, to the index and
   * to the partition of the entry whose partition-key hash is {@code keyHash}.
   */
  public void consumedIndexKey(String table, String globalIndex, int keyHash, double units) {
    if (consumption.watching(table)) {
      consumption.record(table, globalIndex, Access.WRITE, units, clock.millis());
    }
    if (!tracking || units == 0) {
      return;
    }
    TableThroughput state = tables.get(table);
    PartitionedThroughput index = state == null ? null : state.existingIndex(globalIndex);
    if (index != null) {
      long now = clock.millis();
      index.rates().consumed(Access.WRITE, units, now);
      index.partitions().consumed(Access.WRITE, keyHash, units, now);
    }
  }

  private @Nullable DynamoException refusal(TableMetadata table, @Nullable IndexMetadata index,
      ResourceThroughput resource, Access access, long now, ThrottleListener tell) {
    if (units(table, index, resource, access, now) > 0) {
      return null;
    }
    String arn = index == null ? tableArn.apply(table.name()) : indexArn(table, index);
    Throttles.Limit limit = limit(table, index, resource, access, now);
    tell.throttled(new ThrottleListener.Event(table.name(), index == null ? null : index.name(), access, limit));
    return Throttles.throttled(table.billingMode() == BillingMode.PAY_PER_REQUEST, index != null, access, limit,
        arn);
  }

  private String indexArn(TableMetadata table, IndexMetadata index) {
    return tableArn.apply(table.name()) + "/index/" + index.name();
  }

  private static double units(TableMetadata table, @Nullable IndexMetadata index, ResourceThroughput resource,
      Access access, long now) {
    return switch (table.billingMode()) {
      case PROVISIONED -> resource.provisionedUnits(access, provisioned(table, index, access), now);
      case PAY_PER_REQUEST -> resource.onDemandUnits(access, onDemandMax(table, index, access), now);
    };
  }

  private static double provisioned(TableMetadata table, @Nullable IndexMetadata index, Access access) {
    ProvisionedThroughput throughput = index == null ? table.provisionedThroughput() : index.provisionedThroughput();
    return switch (access) {
      case READ -> (double) throughput.readCapacityUnits();
      case WRITE -> (double) throughput.writeCapacityUnits();
    };
  }

  /**
   * The most an on-demand table or global index may serve a second: its own OnDemandThroughput maximum, within the
   * account's per-table quota.
   */
  private static double onDemandMax(TableMetadata table, @Nullable IndexMetadata index, Access access) {
    long max = (index != null ? index.onDemandThroughput() : table.options().onDemandThroughput())
        .map(bounds -> switch (access) {
          case READ -> bounds.maxReadRequestUnits();
          case WRITE -> bounds.maxWriteRequestUnits();
        })
        .orElse(OnDemandThroughput.UNBOUNDED);
    return max == OnDemandThroughput.UNBOUNDED ? TABLE_MAX_UNITS : Math.min(max, TABLE_MAX_UNITS);
  }

  /**
   * Which limit an empty bucket stands for, for the throttling reason: for on-demand capacity the lowest of the
   * table's maximum, the account's quota and double the previous peak, which DynamoDB is still scaling towards.
   */
  private static Throttles.Limit limit(TableMetadata table, @Nullable IndexMetadata index,
      ResourceThroughput resource, Access access, long now) {
    return switch (table.billingMode()) {
      case PROVISIONED -> Throttles.Limit.PROVISIONED;
      case PAY_PER_REQUEST -> {
        double max = onDemandMax(table, index, access);
        double scaled = resource.onDemandRate(access, now);
        if (max < TABLE_MAX_UNITS && max <= scaled) {
          yield Throttles.Limit.MAX_ON_DEMAND;
        }
        yield max <= scaled ? Throttles.Limit.ACCOUNT : Throttles.Limit.KEY_RANGE;
      }
    };
  }

  private TableThroughput state(TableMetadata table, long now) {
    TableThroughput state = tables.get(table.name());
    if (state == null || state.keyspace() != table.keyspace()) {
      state = tables.compute(table.name(), (name, existing) -> existing != null
          && existing.keyspace() == table.keyspace() ? existing
          : new TableThroughput(table, now, boundaries));
      tracking = true;
    }
    return state;
  }
}
