package io.shaledb.core.write;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Item collections of tables with local secondary indexes: all items of one partition key and their local index
 * entries, limited in size (10 GB by default). Each collection's size is kept in the system keyspace
 * ({@link SystemKeyspace#itemCollection}, removed with the table's keyspace) and updated in the write's own
 * transaction, so it is exact; writes to one collection serialize on it, as they must to enforce the limit.
 */
final class ItemCollections {

  private ItemCollections() {}

  /**
   * Applies an item's change to its collection's size.
   *
   * @return the collection's new size in bytes, or -1 when the table has no local index
   * @throws DynamoException ItemCollectionSizeLimitExceededException when the write would pass {@code limit}
   */
  static long update(Transaction tx, TableMetadata table, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> current, long limit) {
    if (!table.hasLocalIndexes()) {
      return -1;
    }
    Map<String, AttributeValue> any = Objects.requireNonNull(current != null ? current : previous,
        "a write has an item before or after it");
    byte[] key = key(table,
        Objects.requireNonNull(any.get(table.keySchema().partitionKey().name()), "an item has its table's key"));
    byte[] stored = tx.get(key);
    long before = footprint(table, previous);
    long after = footprint(table, current);
    long size = (stored == null ? 0 : ByteBuffer.wrap(stored).getLong()) - before + after;
    if (size > limit && after > before) {
      throw new DynamoException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED,
          "Item collection size limit exceeded");
    }
    if (size <= 0) {
      tx.delete(key);
    } else {
      tx.put(key, ByteBuffer.allocate(Long.BYTES).putLong(size).array());
    }
    return Math.max(size, 0);
  }

  /** What one item takes in its collection: itself and its local index entries. */
  private static long footprint(TableMetadata table, @Nullable Map<String, AttributeValue> item) {
    if (item == null) {
      return 0;
    }
    long bytes = ItemSize.of(item);
    for (IndexMetadata index : table.indexes()) {
      if (index.local() && IndexEntries.key(table, index, item) != null) {
        bytes += ItemSize.of(IndexEntries.project(table, index, item));
      }
    }
    return bytes;
  }

  private static byte[] key(TableMetadata table, AttributeValue partitionKey) {
    return SystemKeyspace.itemCollection(KeyCodec.partitionRange(table.keyspace(), partitionKey).start());
  }
}
