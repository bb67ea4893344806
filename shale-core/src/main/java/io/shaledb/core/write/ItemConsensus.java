package io.shaledb.core.write;

import io.shaledb.core.model.Bytes;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the items of a table of multi-region strong consistency are written and strongly read: through the consensus of
 * its three regions ({@link io.shaledb.core.consensus.RegionConsensus}), not one local transaction. Items travel in
 * the item codec's stored form.
 */
public interface ItemConsensus {

  /** For pipelines that write no such table (time to live, restores, tests): meeting one is a bug. */
  ItemConsensus NONE = new ItemConsensus() {
    @Override
    public Chosen write(TableMetadata table, byte[] key, Change change) {
      throw new IllegalStateException(table.name() + " is of multi-region strong consistency, which this path"
          + " cannot write");
    }

    @Override
    public byte @Nullable [] read(TableMetadata table, byte[] key) {
      throw new IllegalStateException(table.name() + " is of multi-region strong consistency, which this path"
          + " cannot read");
    }

    @Override
    public Range readRange(TableMetadata table, KeyRange range, boolean reverse, int maxKeys, long maxBytes) {
      throw new IllegalStateException(table.name() + " is of multi-region strong consistency, which this path"
          + " cannot read");
    }
  };

  /** Whether the table's writes and strongly consistent reads go through the consensus. */
  static boolean covers(TableMetadata table) {
    Replication replication = table.options().replication().orElse(null);
    return replication != null && replication.strong();
  }

  /** What a write makes of the item as the consensus last chose it; it may refuse by throwing. */
  @FunctionalInterface
  interface Change {
    /** @return the new item, or null to delete it */
    byte @Nullable [] apply(byte @Nullable [] stored);
  }

  /** A write's result: the item it replaced and the one it chose (null: absent). */
  record Chosen(byte @Nullable [] previous, byte @Nullable [] current) {}

  /**
   * Writes the item: {@code change} applied to its latest chosen value, and its result chosen to follow it, once.
   *
   * @param key the item's storage key in this region
   */
  Chosen write(TableMetadata table, byte[] key, Change change);

  /** The item's latest chosen value, which every write acknowledged before the call is in or was followed by. */
  byte @Nullable [] read(TableMetadata table, byte[] key);

  /** An item of a range read: its storage key and stored form; the arrays must not be modified. */
  record Item(byte[] key, byte[] stored) {}

  /**
   * A range read's items, in the order read, as the consensus last chose them.
   *
   * @param items the items present, in the order read
   * @param lastRead the last key the read covered when it stopped before the range's end (the items after it are for
   *     the next page), or null when it read to the end
   */
  record Range(List<Item> items, @Nullable Bytes lastRead) {
    public Range {
      items = List.copyOf(items);
    }
  }

  /**
   * The items of a key range of the table as the consensus last chose them: every write acknowledged before the call
   * is in them or was followed by a later one. Reads at most {@code maxKeys} keys (items, deletes and unfinished
   * writes alike) and about {@code maxBytes} of values from each region, so it may stop before the range's end.
   *
   * @param range storage keys in the table's keyspace
   */
  Range readRange(TableMetadata table, KeyRange range, boolean reverse, int maxKeys, long maxBytes);
}
