package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.write.Transactions.Committed;
import io.shaledb.core.write.WritePipeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deletes expired items of tables with time to live. An item expires when its TTL attribute is a number of epoch
 * seconds in the past (but not more than five years past); other types are ignored, as DynamoDB ignores them. Each
 * pass reads a bounded slice of each table's keyspace, resuming where the last pass stopped, so foreground requests
 * keep their latency. Each deletion is a transaction that checks the table is still the one of that keyspace with
 * time to live on that attribute and that the item is still expired (a writer may have extended it); it keeps
 * indexes exact and writes a REMOVE stream record marked as made by the service. Until swept, expired items are still
 * returned, as in DynamoDB.
 */
public final class TimeToLiveSweeper implements BackgroundService {
  private static final int ITEMS_PER_PASS = 10_000;
  private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;

  private final Database db;
  private final WritePipeline writes;
  private final TimeToLiveListener listener;

  public TimeToLiveSweeper(Database db) {
    this(db, TimeToLiveListener.NONE);
  }

  /** A sweeper that tells {@code listener} of the items it deletes. */
  public TimeToLiveSweeper(Database db, TimeToLiveListener listener) {
    this.db = db;
    this.writes = new WritePipeline(db);
    this.listener = listener;
  }

  /** One slice of every table with time to live. */
  @Override
  public boolean runPass() {
    for (TableMetadata table : db.catalog().list()) {
      if (table.timeToLiveAttribute() != null) {
        sweep(table);
      }
    }
    return false;
  }

  private void sweep(TableMetadata table) {
    KeyRange keyspace = KeyCodec.keyspaceRange(table.keyspace());
    long now = db.clock().millis() / 1000;
    List<byte[]> expired = new ArrayList<>();
    byte[] last = null;
    int read = 0;
    try (Snapshot snapshot = db.storage().snapshot()) {
      byte[] from = ResumePositions.read(snapshot, table.keyspace(), Task.TIME_TO_LIVE_SWEEP, keyspace);
      try (KvCursor cursor = snapshot.scan(new KeyRange(from, keyspace.end()), false)) {
        while (read < ITEMS_PER_PASS && cursor.next()) {
          read++;
          last = cursor.key();
          if (isExpired(ItemCodec.decode(cursor.value()), table.timeToLiveAttribute(), now)) {
            expired.add(last);
          }
        }
      }
    }
    int deleted = 0;
    for (byte[] key : expired) {
      if (writes.deleteAsService(table, key, (current, item) -> current.timeToLiveAttribute() != null
          && isExpired(item, current.timeToLiveAttribute(), now))) {
        deleted++;
      }
    }
    if (deleted > 0) {
      listener.deleted(table.name(), deleted);
    }
    byte[] next = read < ITEMS_PER_PASS || last == null ? null : KeyRange.after(last);
    writes.transactions().run(RequestContext.service(db.clock()), tx -> {
      boolean tableExists = db.catalog().current(tx, table.name(), table.keyspace()).isPresent();
      if (tableExists) {
        ResumePositions.write(tx, table.keyspace(), Task.TIME_TO_LIVE_SWEEP, next);
      }
      return Committed.nothing(tableExists);
    });
  }

  /** Expired: epoch seconds not in the future, and not more than five years in the past (DynamoDB skips those). */
  private static boolean isExpired(Map<String, AttributeValue> item, @Nullable String attribute, long nowSeconds) {
    if (!(item.get(attribute) instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal expiry = n.value().bigDecimalValue();
    return expiry.compareTo(BigDecimal.valueOf(nowSeconds)) <= 0
        && expiry.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) >= 0;
  }
}
