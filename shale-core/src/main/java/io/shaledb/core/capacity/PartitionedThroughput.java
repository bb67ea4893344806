package io.shaledb.core.capacity;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.ProvisionedThroughput;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

/**
 * The rate state of a table or of one of its global indexes: its own buckets, and its partitions, keyed by the
 * partition key's hash of the table's items or of the index's entries (a global index is partitioned by its own key).
 */
final class PartitionedThroughput {
  /** The keyspace of the table or index: its identity, which a table or index made again under its name changes. */
  private final int keyspace;
  private final ResourceThroughput rates;
  private final Partitions partitions;
  /** The second in which the partition count was last brought up to the resource's throughput and size. */
  private volatile long sizedAtSecond = Long.MIN_VALUE;

  /**
   * @param starts where the partitions began when the database opened, beyond 0
   * @param splitTo told of the partitions' starts after each split, to be kept
   */
  PartitionedThroughput(int keyspace, BillingMode mode, ProvisionedThroughput provisioned, long[] starts,
      long nowMillis, Consumer<long[]> splitTo) {
    this.keyspace = keyspace;
    this.rates = switch (mode) {
      case PROVISIONED -> new ResourceThroughput(provisioned.readCapacityUnits(), provisioned.writeCapacityUnits(),
          nowMillis);
      case PAY_PER_REQUEST -> new ResourceThroughput(2 * ResourceThroughput.INITIAL_READ_PEAK,
          2 * ResourceThroughput.INITIAL_WRITE_PEAK, nowMillis);
    };
    this.partitions = new Partitions(starts, nowMillis, splitTo);
  }

  int keyspace() {
    return keyspace;
  }

  ResourceThroughput rates() {
    return rates;
  }

  /** The partitions, as many as they have been split into. */
  Partitions partitions() {
    return partitions;
  }

  /**
   * The partitions, at least as many as the resource's current throughput ({@code mode}, {@code provisioned}) and the
   * size of its keyspace ({@code sizeBytes}) need; the need is looked at once a second at most, as throughput and size
   * change slowly and the look costs a size sum.
   */
  Partitions partitions(BillingMode mode, ProvisionedThroughput provisioned, IntToLongFunction sizeBytes,
      long nowMillis) {
    long second = nowMillis / 1000;
    if (second != sizedAtSecond) {
      sizedAtSecond = second;
      double reads = switch (mode) {
        case PROVISIONED -> provisioned.readCapacityUnits();
        case PAY_PER_REQUEST -> rates.onDemandRate(Access.READ, nowMillis);
      };
      double writes = switch (mode) {
        case PROVISIONED -> provisioned.writeCapacityUnits();
        case PAY_PER_REQUEST -> rates.onDemandRate(Access.WRITE, nowMillis);
      };
      partitions.atLeast(Partitions.needed(reads, writes, sizeBytes.applyAsLong(keyspace)), nowMillis);
    }
    return partitions;
  }

}
