package io.shaledb.core.write;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keeps secondary indexes exact: every item write stages, in the same storage transaction, the removal of the
 * item's old index entries and the writing of its new ones, so an index never diverges from its table. An item that
 * lacks any of an index's key attributes has no entry in that index (sparse indexes); changing any of them moves the
 * entry.
 */
public final class IndexEntries {
  private IndexEntries() {}

  /** Rejects an item with an index key violation, as DynamoDB does on every write. */
  public static void check(TableMetadata table, Map<String, AttributeValue> item) {
    for (IndexMetadata index : table.indexes()) {
      DynamoException problem = IndexKeyViolations.find(index, item);
      if (problem != null) {
        throw problem;
      }
    }
  }

  /**
   * Whether an item's index key attributes, where present, can be indexed: a backfill skips items written before the
   * index existed that violate its key, as DynamoDB does.
   */
  public static boolean indexable(IndexMetadata index, Map<String, AttributeValue> item) {
    return IndexKeyViolations.find(index, item) == null;
  }

  /** Stages the index changes of one item going from {@code previous} to {@code current} (either may be null). */
  static void stage(Transaction tx, TableMetadata table, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> current, List<Transactions.Staged> changes) {
    for (IndexMetadata index : table.indexes()) {
      byte[] oldKey = previous == null ? null : key(table, index, previous);
      byte[] newKey = current == null ? null : key(table, index, current);
      Map<String, AttributeValue> oldEntry =
          previous == null || oldKey == null ? null : project(table, index, previous);
      Map<String, AttributeValue> newEntry = current == null || newKey == null ? null : project(table, index, current);
      // While a backfill runs, an existing item may not have its entry yet: count only entries that exist
      // (looked up before this transaction's own writes, which it would see).
      boolean oldExists = oldKey != null
          && (index.status() != IndexMetadata.IndexStatus.CREATING || tx.get(oldKey) != null);
      if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
        tx.delete(oldKey);
      }
      if (newKey != null && newEntry != null) {
        tx.put(newKey, ItemCodec.encode(newEntry));
      }
      if (oldExists || newKey != null) {
        changes.add(new Transactions.Staged(index.keyspace(),
            oldExists && oldEntry != null ? ItemSize.of(oldEntry) : -1, newEntry == null ? -1 : ItemSize.of(newEntry)));
      }
    }
  }

  /** The entry key of {@code item} in {@code index}, or null when the item lacks an index key attribute. */
  public static byte @Nullable [] key(TableMetadata table, IndexMetadata index, Map<String, AttributeValue> item) {
    List<AttributeValue> partition = values(index.keySchema().partitionKeys(), item);
    List<AttributeValue> sort = partition == null ? null : values(index.keySchema().sortKeys(), item);
    if (partition == null || sort == null) {
      return null;
    }
    return KeyCodec.indexKey(index.keyspace(), partition, sort,
        Objects.requireNonNull(item.get(table.keySchema().partitionKey().name()), "an item has its table's key"),
        table.keySchema().sortKey().map(k -> item.get(k.name())).orElse(null));
  }

  /** The item's values of {@code keys}, in order, or null when one is missing. */
  private static @Nullable List<AttributeValue> values(List<KeyAttribute> keys, Map<String, AttributeValue> item) {
    List<AttributeValue> values = new ArrayList<>(keys.size());
    for (KeyAttribute key : keys) {
      AttributeValue value = item.get(key.name());
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  /** What the index stores of an item: its projection, which always holds the table's and the index's keys. */
  public static Map<String, AttributeValue> project(TableMetadata table, IndexMetadata index,
      Map<String, AttributeValue> item) {
    if (index.projectionType() == IndexMetadata.ProjectionType.ALL) {
      return item;
    }
    Map<String, AttributeValue> entry = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      String name = attribute.getKey();
      if (table.keySchema().isKeyAttribute(name) || index.keySchema().isKeyAttribute(name)
          || index.nonKeyAttributes().contains(name)) {
        entry.put(name, attribute.getValue());
      }
    }
    return entry;
  }
}
