package io.shaledb.core.op.read;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.PageReads;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.expr.eval.Projector;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.validate.Choice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of items from a key range, streaming from a storage snapshot: it stops after {@code limit} items
 * read or once 1 MB of items has been read (both counted before the filter, as DynamoDB counts them), so memory
 * stays bounded by a page whatever the size of the range. Each page reads its own snapshot; keys never move, so a
 * client that follows LastEvaluatedKey sees every item that existed throughout exactly once.
 */
final class PageReader {
  /** DynamoDB's page size limit on the data read. */
  static final long MAX_PAGE_BYTES = 1024 * 1024;

  private PageReader() {}

  /**
   * @param range the keys to read, already narrowed past the exclusive start key
   * @param filter the bound filter, or null
   * @param projection the bound projection, or null for whole items
   * @param context the request, charged the units the page read
   */
  static ReadPage read(StorageEngine storage, ReadTarget target, KeyRange range, boolean reverse,
      @Nullable Integer limit, @Nullable Condition filter, @Nullable List<Path> projection, boolean countOnly,
      boolean consistent, RequestContext context, @Nullable Choice<ReturnConsumedCapacity> capacityMode) {
    return read(storage, target, range, reverse, limit, MAX_PAGE_BYTES, filter, projection, countOnly, consistent,
        context, capacityMode);
  }

  /** @param maxBytes the page stops once it has read this much: 1 MB, or what a page of several reads has left */
  static ReadPage read(StorageEngine storage, ReadTarget target, KeyRange range, boolean reverse,
      @Nullable Integer limit, long maxBytes, @Nullable Condition filter, @Nullable List<Path> projection,
      boolean countOnly, boolean consistent, RequestContext context,
      @Nullable Choice<ReturnConsumedCapacity> capacityMode) {
    TableMetadata table = target.table();
    PageReads partitionReads = context.capacity().admitPage(table, target.index(), range.start(), consistent);
    // Items pass through in their stored form unless something has to look inside them.
    boolean decode = filter != null || projection != null || target.fetchFromTable();
    List<PageItem> items = new ArrayList<>();
    int scanned = 0;
    int matched = 0;
    long bytes = 0;
    long fetchedBytes = 0;
    Map<String, AttributeValue> lastEvaluated = null;
    try (Snapshot snapshot = consistent ? storage.consistentSnapshot() : storage.snapshot();
        KvCursor cursor = snapshot.scan(range, reverse)) {
      while (cursor.next()) {
        byte[] stored = cursor.value();
        scanned++;
        long storedBytes = ItemCodec.itemSize(stored);
        bytes += storedBytes;
        long itemFetchedBytes = 0;
        Map<String, AttributeValue> item = null;
        if (decode) {
          item = ItemCodec.decode(stored);
          if (target.fetchFromTable()) {
            item = tableItem(snapshot, table, item);
            itemFetchedBytes = ItemSize.of(item);
            fetchedBytes += itemFetchedBytes;
          }
        }
        if (partitionReads != null) {
          partitionReads.read(KeyCodec.partitionHash(cursor.key()), storedBytes + itemFetchedBytes);
        }
        if (filter == null
            || ConditionEvaluator.test(filter, Objects.requireNonNull(item, "decoded for the filter"))) {
          matched++;
          if (!countOnly) {
            items.add(item == null ? new PageItem.Stored(stored)
                : new PageItem.Decoded(projection == null ? item : Projector.project(item, projection)));
          }
        }
        if ((limit != null && scanned >= limit) || bytes + fetchedBytes >= maxBytes) {
          lastEvaluated = target.lastEvaluatedKey(item == null ? ItemCodec.decode(stored) : item);
          break;
        }
      }
    }
    charge(context, target, bytes, fetchedBytes, consistent);
    if (partitionReads != null) {
      partitionReads.charge();
    }
    return new ReadPage(countOnly ? null : items, matched, scanned, lastEvaluated,
        context.capacity().reportFor(capacityMode, table.name()), bytes + fetchedBytes);
  }

  /**
   * Charges what the page read as DynamoDB does: an index's entries to the index, the table reporting nothing of its
   * own unless items were fetched from it for a local index (DynamoDB's INDEXES answers as an application recorded
   * them for a Scan of a global index, and DynamoDB Local's).
   */
  private static void charge(RequestContext context, ReadTarget target, long bytes, long fetchedBytes,
      boolean consistent) {
    String table = target.table().name();
    IndexMetadata index = target.index();
    if (index == null) {
      context.capacity().read(table, ConsumedCapacity.readUnits(bytes, consistent));
      return;
    }
    context.capacity().index(table, index.name(), index.local(), Access.READ,
        ConsumedCapacity.readUnits(bytes, consistent));
    context.capacity().read(table, fetchedBytes == 0 ? 0 : ConsumedCapacity.readUnits(fetchedBytes, consistent));
  }

  /** The whole item behind a local index entry, read from the same snapshot (DynamoDB charges that read too). */
  private static Map<String, AttributeValue> tableItem(Snapshot snapshot, TableMetadata table,
      Map<String, AttributeValue> entry) {
    byte[] key = KeyCodec.itemKey(table.keyspace(),
        Objects.requireNonNull(entry.get(table.keySchema().partitionKey().name()), "an entry holds its table's key"),
        table.keySchema().sortKey().map(k -> entry.get(k.name())).orElse(null));
    byte[] stored = snapshot.get(key);
    return stored == null ? entry : ItemCodec.decode(stored);
  }

  /** Narrows {@code range} to the keys after {@code exclusiveStart} in the direction of reading. */
  static KeyRange after(KeyRange range, byte @Nullable [] exclusiveStart, boolean reverse) {
    if (exclusiveStart == null) {
      return range;
    }
    byte[] start = range.start();
    byte[] end = range.end();
    if (reverse) {
      end = Arrays.compareUnsigned(exclusiveStart, end) < 0 ? exclusiveStart : end;
    } else {
      byte[] next = Arrays.copyOf(exclusiveStart, exclusiveStart.length + 1);
      start = Arrays.compareUnsigned(next, start) > 0 ? next : start;
    }
    return Arrays.compareUnsigned(start, end) < 0 ? new KeyRange(start, end) : new KeyRange(start, start);
  }
}
