package io.shaledb.core.op.table;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.item.ItemStore;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes expired items of tables with time to live in the background. An item expires when its TTL attribute is a
 * number of epoch seconds in the past (but not more than five years past); other types are ignored, as DynamoDB
 * ignores them. Each pass reads a bounded
 * number of items per table, continuing where the last pass stopped, so foreground requests keep their latency.
 * Each deletion re-checks the item in its own transaction (a writer may have extended it), keeps indexes exact, and
 * writes a REMOVE stream record marked as made by the service. Until swept, expired items are still returned, as
 * in DynamoDB.
 */
public final class TimeToLiveSweeper implements Runnable {
  private static final int ITEMS_PER_PASS = 10_000;
  private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;

  private final Database db;
  private final ItemStore store;
  private final Map<String, byte[]> resumeAt = new HashMap<>();

  public TimeToLiveSweeper(Database db) {
    this.db = db;
    this.store = new ItemStore(db);
  }

  /** One pass over every table with time to live. */
  @Override
  public void run() {
    Set<String> changes = Set.copyOf(db.timeToLiveChanges().keySet());
    for (TableMetadata table : db.catalog().list()) {
      if (table.timeToLiveAttribute() != null) {
        sweep(table);
      }
    }
    changes.forEach(db.timeToLiveChanges()::remove);
  }

  /** One pass over a slice of a table. */
  void sweep(TableMetadata table) {
    KeyRange all = KeyCodec.keyspaceRange(table.keyspace());
    byte[] from = resumeAt.get(table.name());
    KeyRange range = from == null ? all : new KeyRange(from, all.end());
    long now = db.clock().millis() / 1000;
    List<byte[]> expired = new ArrayList<>();
    byte[] last = null;
    int read = 0;
    try (Snapshot snapshot = db.storage().snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      while (read < ITEMS_PER_PASS && cursor.next()) {
        read++;
        last = cursor.key();
        if (isExpired(ItemCodec.decode(cursor.value()), table.timeToLiveAttribute(), now)) {
          expired.add(last);
        }
      }
    }
    resumeAt.put(table.name(), read < ITEMS_PER_PASS || last == null ? null
        : Arrays.copyOf(last, last.length + 1));
    for (byte[] key : expired) {
      store.inTransaction(tx -> {
        byte[] stored = tx.get(key);
        Map<String, AttributeValue> item = stored == null ? null : ItemCodec.decode(stored);
        if (item == null || !isExpired(item, table.timeToLiveAttribute(), now)) {
          return new ItemStore.Committed<>(null, List.of());
        }
        return new ItemStore.Committed<>(null,
            store.stage(tx, store.tableIn(tx, table.name()), key, stored, item, null, true).changes());
      });
    }
  }

  /** Expired: epoch seconds not in the future, and not more than five years in the past (DynamoDB skips those). */
  private static boolean isExpired(Map<String, AttributeValue> item, String attribute, long nowSeconds) {
    if (!(item.get(attribute) instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal expiry = n.value().bigDecimalValue();
    return expiry.compareTo(BigDecimal.valueOf(nowSeconds)) <= 0
        && expiry.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) >= 0;
  }
}
