package io.shaledb.core.autoscaling;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where scalable targets are stored: under the keyspace of the table or global index they scale, so that deleting
 * the table or the index removes them with its keyspace, and a table created again under the same name starts with
 * none. Reads and writes go through the caller's storage transaction (a catalog change), so a target is registered,
 * changed or removed atomically with respect to the table it names.
 */
public final class ScalableTargets {
  private ScalableTargets() {}

  /**
   * The keyspace of the resource in {@code table}: the table's own, or its global index's; empty when the table
   * has no global index of that name.
   */
  public static OptionalInt keyspace(TableMetadata table, ScalingResource resource) {
    if (resource.index() == null) {
      return OptionalInt.of(table.keyspace());
    }
    return table.indexes().stream()
        .filter(index -> !index.local() && index.name().equals(resource.index()))
        .mapToInt(IndexMetadata::keyspace)
        .findFirst();
  }

  public static Optional<ScalableTarget> find(KvReader reader, int keyspace, ScalableDimension dimension) {
    byte[] stored = reader.get(SystemKeyspace.scalableTarget(keyspace, dimension.ordinal()));
    return stored == null ? Optional.empty() : Optional.of(ScalableTargetCodec.decode(stored));
  }

  public static void put(Transaction tx, int keyspace, ScalableTarget target) {
    tx.put(SystemKeyspace.scalableTarget(keyspace, target.dimension().ordinal()), ScalableTargetCodec.encode(target));
  }

  public static void delete(Transaction tx, int keyspace, ScalableDimension dimension) {
    tx.delete(SystemKeyspace.scalableTarget(keyspace, dimension.ordinal()));
  }

  /** The targets of {@code table} and of its global indexes, the table's first, in dimension order. */
  public static List<Located> of(KvReader reader, TableMetadata table) {
    List<Located> found = new ArrayList<>();
    for (ScalableDimension dimension : ScalableDimension.values()) {
      if (!dimension.index()) {
        find(reader, table.keyspace(), dimension).ifPresent(target -> found.add(new Located(table.keyspace(), target)));
      }
    }
    for (IndexMetadata index : table.indexes()) {
      if (index.local()) {
        continue;
      }
      for (ScalableDimension dimension : ScalableDimension.values()) {
        if (dimension.index()) {
          find(reader, index.keyspace(), dimension)
              .ifPresent(target -> found.add(new Located(index.keyspace(), target)));
        }
      }
    }
    return found;
  }

  /** A stored target and the keyspace it is stored under. */
  public record Located(int keyspace, ScalableTarget target) {}
}
