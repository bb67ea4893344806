package io.shaledb.core.capacity;

import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The rate state of one table incarnation (its keyspace) and of its global indexes, each made when first used, with
 * the partitions each began with when the database opened and keeping each split ({@link PartitionBoundaries}). An
 * index's state belongs to its incarnation (its keyspace) too: one deleted and created again under its name starts
 * afresh, as a new index does in DynamoDB.
 */
final class TableThroughput {
  private final TableMetadata created;
  private final PartitionBoundaries boundaries;
  private final PartitionedThroughput table;
  private final Map<String, PartitionedThroughput> indexes = new ConcurrentHashMap<>();

  TableThroughput(TableMetadata metadata, long nowMillis, PartitionBoundaries boundaries) {
    this.created = metadata;
    this.boundaries = boundaries;
    this.table = new PartitionedThroughput(metadata.keyspace(), metadata.billingMode(),
        metadata.provisionedThroughput(),
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
    return table.partitions(metadata.billingMode(), metadata.provisionedThroughput(), sizeBytes, nowMillis);
  }

  /**
   * A global index's state, made afresh for an index new under its name; {@code metadata} is its table's, whose
   * billing mode it shares.
   */
  PartitionedThroughput index(TableMetadata metadata, IndexMetadata index, long nowMillis) {
    PartitionedThroughput existing = indexes.get(index.name());
    return existing != null && existing.keyspace() == index.keyspace() ? existing : indexes.compute(index.name(),
        (name, was) -> was != null && was.keyspace() == index.keyspace() ? was
            : new PartitionedThroughput(index.keyspace(), metadata.billingMode(), index.provisionedThroughput(),
                boundaries.starts(index.keyspace()), nowMillis,
                starts -> boundaries.split(created, index.keyspace(), starts)));
  }

  /** Adopts the splits of the table's and its global indexes' partitions that {@code boundaries} last read. */
  void adopt(PartitionBoundaries boundaries, long nowMillis) {
    table.partitions().adopt(boundaries.starts(table.keyspace()), nowMillis);
    for (PartitionedThroughput index : indexes.values()) {
      index.partitions().adopt(boundaries.starts(index.keyspace()), nowMillis);
    }
  }

  /**
   * The state of the index of that name as last admitted, for charges, which name the index only: a request is
   * admitted before it is charged, so an index made again under its name has its new state by then.
   */
  @Nullable PartitionedThroughput existingIndex(String name) {
    return indexes.get(name);
  }
}
