package io.shaledb.core.capacity;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/** The rate state of one table incarnation (its keyspace) and of its global indexes, each made when first used. */
final class TableThroughput {
  private final int keyspace;
  private final ResourceThroughput table;
  private final Map<String, ResourceThroughput> indexes = new ConcurrentHashMap<>();
  private final Partitions partitions;
  /** The second in which the partition count was last brought up to the table's throughput and size. */
  private volatile long sizedAtSecond = Long.MIN_VALUE;

  /** @param boundaries where the table's partitions began when the database opened, and where splits are kept */
  TableThroughput(TableMetadata metadata, long nowMillis, PartitionBoundaries boundaries) {
    this.keyspace = metadata.keyspace();
    this.table = start(metadata.billingMode(), metadata.provisionedThroughput(), nowMillis);
    this.partitions = new Partitions(boundaries.starts(keyspace), nowMillis,
        starts -> boundaries.split(metadata, keyspace, starts));
  }

  int keyspace() {
    return keyspace;
  }

  ResourceThroughput table() {
    return table;
  }

  /** The table's partitions, as many as it has been split into. */
  Partitions partitions() {
    return partitions;
  }

  /**
   * The table's partitions, at least as many as its current throughput and size ({@code sizeBytes} by keyspace)
   * need; the need is looked at once a second at most, as throughput and size change slowly and the look costs a size
   * sum.
   */
  Partitions partitions(TableMetadata metadata, IntToLongFunction sizeBytes, long nowMillis) {
    long second = nowMillis / 1000;
    if (second != sizedAtSecond) {
      sizedAtSecond = second;
      double reads = switch (metadata.billingMode()) {
        case PROVISIONED -> metadata.provisionedThroughput().readCapacityUnits();
        case PAY_PER_REQUEST -> table.onDemandRate(Access.READ, nowMillis);
      };
      double writes = switch (metadata.billingMode()) {
        case PROVISIONED -> metadata.provisionedThroughput().writeCapacityUnits();
        case PAY_PER_REQUEST -> table.onDemandRate(Access.WRITE, nowMillis);
      };
      partitions.atLeast(Partitions.needed(reads, writes, sizeBytes.applyAsLong(keyspace)), nowMillis);
    }
    return partitions;
  }

  /** A global index's state; {@code mode} is its table's, which it shares. */
  ResourceThroughput index(IndexMetadata index, BillingMode mode, long nowMillis) {
    ResourceThroughput existing = indexes.get(index.name());
    return existing != null ? existing
        : indexes.computeIfAbsent(index.name(), name -> start(mode, index.provisionedThroughput(), nowMillis));
  }

  /** The index's state if it was ever admitted, for charges, which name the index only. */
  @Nullable ResourceThroughput existingIndex(String name) {
    return indexes.get(name);
  }

  private static ResourceThroughput start(BillingMode mode, ProvisionedThroughput provisioned, long nowMillis) {
    return switch (mode) {
      case PROVISIONED -> new ResourceThroughput(provisioned.readCapacityUnits(), provisioned.writeCapacityUnits(),
          nowMillis);
      case PAY_PER_REQUEST -> new ResourceThroughput(2 * ResourceThroughput.INITIAL_READ_PEAK,
          2 * ResourceThroughput.INITIAL_WRITE_PEAK, nowMillis);
    };
  }
}
