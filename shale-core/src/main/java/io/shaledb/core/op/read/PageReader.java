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
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
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
 * client that follows LastEvaluatedKey sees every item that existed throughout exactly once. A strongly consistent
 * read of a table of multi-region strong consistency takes its items from the regions' consensus instead
 * (docs/global-tables.md, "A strongly consistent read"), bounded the same way, and evaluates them alike.
 */
final class PageReader {
  /** DynamoDB's page size limit on the data read. */
  static final long MAX_PAGE_BYTES = 1024 * 1024;

  private PageReader() {}

  /**
   * @param consensus how a strongly consistent read of a table of multi-region strong consistency reads its items
   * @param range the keys to read, already narrowed past the exclusive start key
   * @param filter the bound filter, or null
   * @param projection the bound projection, or null for whole items
   * @param context the request, charged the units the page read
   */
  static ReadPage read(StorageEngine storage, ItemConsensus consensus, ReadTarget target, KeyRange range,
      boolean reverse, @Nullable Integer limit, @Nullable Condition filter, @Nullable List<Path> projection,
      boolean countOnly, boolean consistent, RequestContext context,
      @Nullable Choice<ReturnConsumedCapacity> capacityMode) {
    return read(storage, consensus, target, range, reverse, limit, MAX_PAGE_BYTES, filter, projection, countOnly,
        consistent, context, capacityMode);
  }

  /** @param maxBytes the page stops once it has read this much: 1 MB, or what a page of several reads has left */
  static ReadPage read(StorageEngine storage, ItemConsensus consensus, ReadTarget target, KeyRange range,
      boolean reverse, @Nullable Integer limit, long maxBytes, @Nullable Condition filter,
      @Nullable List<Path> projection, boolean countOnly, boolean consistent, RequestContext context,
      @Nullable Choice<ReturnConsumedCapacity> capacityMode) {
    TableMetadata table = target.table();
    PageReads partitionReads = context.capacity().admitPage(table, target.index(), range.start(), consistent);
    Page page = new Page(target, limit, maxBytes, filter, projection, countOnly, partitionReads);
    if (consistent && ItemConsensus.covers(table)) {
      // Only the table itself: a strongly consistent read of a global index is refused, and an MRSC table has no
      // local ones. Its regions' consensus bounds what it reads as a page would, and may stop before the range's end.
      ItemConsensus.Range chosen = consensus.readRange(table, range, reverse,
          limit == null ? Integer.MAX_VALUE : limit, maxBytes);
      for (ItemConsensus.Item item : chosen.items()) {
        if (!page.add(item.key(), item.stored(), null)) {
          break;
        }
      }
      Bytes lastRead = chosen.lastRead();
      if (page.lastEvaluated == null && lastRead != null) {
        page.lastEvaluated = target.lastEvaluatedKey(ItemKeys.decode(table, lastRead.toByteArray()));
      }
    } else {
      try (Snapshot snapshot = consistent ? storage.consistentSnapshot() : storage.snapshot();
          KvCursor cursor = snapshot.scan(range, reverse)) {
        while (cursor.next() && page.add(cursor.key(), cursor.value(), snapshot)) {
          // each item is evaluated as it is added
        }
      }
    }
    charge(context, target, page.bytes, page.fetchedBytes, consistent);
    if (partitionReads != null) {
      partitionReads.charge();
    }
    return new ReadPage(countOnly ? null : page.items, page.matched, page.scanned, page.lastEvaluated,
        context.capacity().reportFor(capacityMode, table.name()), page.bytes + page.fetchedBytes);
  }

  /** A page as its items are read: each counted, filtered and projected, until Limit or 1 MB ends it. */
  private static final class Page {
    private final ReadTarget target;
    private final @Nullable Integer limit;
    private final long maxBytes;
    private final @Nullable Condition filter;
    private final @Nullable List<Path> projection;
    private final boolean countOnly;
    private final @Nullable PageReads partitionReads;
    // Items pass through in their stored form unless something has to look inside them.
    private final boolean decode;
    private final List<PageItem> items = new ArrayList<>();
    private int scanned;
    private int matched;
    private long bytes;
    private long fetchedBytes;
    private @Nullable Map<String, AttributeValue> lastEvaluated;

    Page(ReadTarget target, @Nullable Integer limit, long maxBytes, @Nullable Condition filter,
        @Nullable List<Path> projection, boolean countOnly, @Nullable PageReads partitionReads) {
      this.target = target;
      this.limit = limit;
      this.maxBytes = maxBytes;
      this.filter = filter;
      this.projection = projection;
      this.countOnly = countOnly;
      this.partitionReads = partitionReads;
      this.decode = filter != null || projection != null || target.fetchFromTable();
    }

    /**
     * Evaluates one item read.
     *
     * @param table where a local index's entry is completed from, or null when the read has no index
     * @return false once the page is full (LastEvaluatedKey set)
     */
    boolean add(byte[] key, byte[] stored, @Nullable KvReader table) {
      scanned++;
      long storedBytes = ItemCodec.itemSize(stored);
      bytes += storedBytes;
      long itemFetchedBytes = 0;
      Map<String, AttributeValue> item = null;
      if (decode) {
        item = ItemCodec.decode(stored);
        if (target.fetchFromTable()) {
          item = tableItem(Objects.requireNonNull(table, "a read of a local index has its table"), target.table(),
              item);
          itemFetchedBytes = ItemSize.of(item);
          fetchedBytes += itemFetchedBytes;
        }
      }
      if (partitionReads != null) {
        partitionReads.read(KeyCodec.partitionHash(key), storedBytes + itemFetchedBytes);
      }
      if (filter == null || ConditionEvaluator.test(filter, Objects.requireNonNull(item, "decoded for the filter"))) {
        matched++;
        if (!countOnly) {
          items.add(item == null ? new PageItem.Stored(stored)
              : new PageItem.Decoded(projection == null ? item : Projector.project(item, projection)));
        }
      }
      if ((limit != null && scanned >= limit) || bytes + fetchedBytes >= maxBytes) {
        lastEvaluated = target.lastEvaluatedKey(item == null ? ItemCodec.decode(stored) : item);
        return false;
      }
      return true;
    }
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
  private static Map<String, AttributeValue> tableItem(KvReader snapshot, TableMetadata table,
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
