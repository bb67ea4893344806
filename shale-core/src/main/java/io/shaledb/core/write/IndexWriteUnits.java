package io.shaledb.core.write;

import io.shaledb.core.capacity.GlobalIndexEntry;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The write capacity a change of one item costs each index of its table, as DynamoDB charges it (developer guide,
 * "Provisioned throughput considerations for global secondary indexes"; DynamoDB Local 3.3.1 answers INDEXES the
 * same): an entry that appears or disappears is one write of its size, one that moves (an index key changed) a
 * delete and a put, one that stays with other projected values one write, and one that does not change costs
 * nothing, nor does an index the item is not in.
 */
public final class IndexWriteUnits {
  /**
   * What one index is charged.
   *
   * @param keyHash the partition-key hash of the entry written (of the entry removed when none is written), by which
   *     a global index's partition is charged; 0 for a local index, which its table's partitions serve
   */
  public record Charge(String index, boolean local, double units, int keyHash) {}

  private IndexWriteUnits() {}

  /**
   * The charges of {@code table}'s indexes for an item going from {@code previous} to {@code current}, each
   * multiplied by {@code factor} (transactions pay twice).
   */
  static List<Charge> of(TableMetadata table, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> current, int factor) {
    if (table.indexes().isEmpty()) {
      return List.of();
    }
    List<Charge> charges = new ArrayList<>(table.indexes().size());
    for (IndexMetadata index : table.indexes()) {
      Map<String, AttributeValue> before = previous == null || !indexed(index, previous) ? null
          : IndexEntries.project(table, index, previous);
      Map<String, AttributeValue> after = current == null || !indexed(index, current) ? null
          : IndexEntries.project(table, index, current);
      double units = units(index, before, after);
      if (units > 0) {
        charges.add(new Charge(index.name(), index.local(), factor * units,
            index.local() ? 0 : keyHash(table, index, after != null ? current : previous)));
      }
    }
    return charges;
  }

  /**
   * The entries a put of {@code item} will make in its table's global indexes, each with its index partition's key
   * hash and its write units as if no entry were there before (what replacing an item removes is known only once it is
   * read, and is charged then): for a batch to check against the index partitions before writing. An index whose key
   * the item violates is left out; the write is refused for it later.
   */
  public static List<GlobalIndexEntry> globalEntries(TableMetadata table, Map<String, AttributeValue> item) {
    List<GlobalIndexEntry> entries = new ArrayList<>();
    for (IndexMetadata index : table.indexes()) {
      if (!index.local() && indexed(index, item) && IndexEntries.indexable(index, item)) {
        entries.add(new GlobalIndexEntry(index, keyHash(table, index, item),
            writeUnits(IndexEntries.project(table, index, item))));
      }
    }
    return entries;
  }

  private static int keyHash(TableMetadata table, IndexMetadata index, @Nullable Map<String, AttributeValue> item) {
    return KeyCodec.partitionHash(Objects.requireNonNull(IndexEntries.key(table, index,
        Objects.requireNonNull(item, "a charged entry has its item")), "a charged entry has its key"));
  }

  private static double units(IndexMetadata index, @Nullable Map<String, AttributeValue> before,
      @Nullable Map<String, AttributeValue> after) {
    if (before == null) {
      return after == null ? 0 : writeUnits(after);
    }
    if (after == null) {
      return writeUnits(before);
    }
    if (!sameKey(index, before, after)) {
      return writeUnits(before) + writeUnits(after);
    }
    return before.equals(after) ? 0 : writeUnits(after);
  }

  /** Whether an item has every key attribute of the index, and so an entry in it (indexes are sparse). */
  private static boolean indexed(IndexMetadata index, Map<String, AttributeValue> item) {
    for (KeyAttribute key : index.keySchema().attributes()) {
      if (!item.containsKey(key.name())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameKey(IndexMetadata index, Map<String, AttributeValue> before,
      Map<String, AttributeValue> after) {
    for (KeyAttribute key : index.keySchema().attributes()) {
      if (!Objects.equals(before.get(key.name()), after.get(key.name()))) {
        return false;
      }
    }
    return true;
  }

  private static double writeUnits(Map<String, AttributeValue> entry) {
    return ConsumedCapacity.writeUnits(ItemSize.of(entry));
  }
}
