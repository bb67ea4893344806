package io.shaledb.core.capacity;

import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The rate state of one table incarnation (its keyspace) and of its global indexes, each made when first used, with
 * the partitions each began with when the database opened and keeping each split ({@link PartitionBoundaries}).
 */
final class TableThroughput {
  private final TableMetadata created;
  private final PartitionBoundaries boundaries;
  private final PartitionedThroughput table;
  private final Map<String, PartitionedThroughput> indexes = new ConcurrentHashMap<>();

  TableThroughput(TableMetadata metadata, long nowMillis, PartitionBoundaries boundaries) {
    this.created = metadata;
    this.boundaries = boundaries;
    this.table = new PartitionedThroughput(metadata.billingMode(), metadata.provisionedThroughput(),
        boundaries.starts(metadata.keyspace()), nowMillis,
        starts -> boundaries.split(metadata, metadata.keyspace(), starts));
  }

  int keyspace() {
    return created.keyspace();
  }

  ResourceThroughput table() {
    return table.rates();
  }

  /** The table's partitions, as many as it has been split into. */
  Partitions partitions() {
    return table.partitions();
  }

  /**
   * The table's partitions, at least as many as its current throughput and size ({@code sizeBytes} by keyspace)
   * need.
   */
  Partitions partitions(TableMetadata metadata, IntToLongFunction sizeBytes, long nowMillis) {
    return table.partitions(metadata.billingMode(), metadata.provisionedThroughput(), sizeBytes,
        metadata.keyspace(), nowMillis);
  }

  /** A global index's state; {@code metadata} is its table's, whose billing mode it shares. */
  PartitionedThroughput index(TableMetadata metadata, IndexMetadata index, long nowMillis) {
    PartitionedThroughput existing = indexes.get(index.name());
    return existing != null ? existing : indexes.computeIfAbsent(index.name(),
        name -> new PartitionedThroughput(metadata.billingMode(), index.provisionedThroughput(),
            boundaries.starts(index.keyspace()), nowMillis,
            starts -> boundaries.split(created, index.keyspace(), starts)));
  }

  /** The index's state if it was ever admitted, for charges, which name the index only. */
  @Nullable PartitionedThroughput existingIndex(String name) {
    return indexes.get(name);
  }
}
