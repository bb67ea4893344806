package io.shaledb.core.stream;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Writes change records into table streams, in the same storage transaction as the change they describe, so there
 * is never a change without its record nor a record without its change, also across a crash.
 *
 * <p>Sequence numbers come from one counter, reserved when a record is staged. Transactions may commit in another
 * order than they reserved, so readers see records only up to the watermark: the highest sequence number below
 * which every reserved number has committed or aborted. That way a reader that follows a shard sees every record
 * exactly once and in sequence order; two changes of one item conflict in storage, so they also commit in sequence
 * order.
 */
public final class StreamLog {
  /** The next sequence number; guarded by this, together with {@link #inFlight}, so a reserved number is always
   *  in flight before the watermark can pass it. */
  private long next;
  private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
  /** The numbers each open transaction reserved; a transaction that writes no record has no entry. */
  private final ConcurrentHashMap<Transaction, List<Long>> reserved = new ConcurrentHashMap<>();
  private final Clock clock;

  public StreamLog(StorageEngine storage, List<Integer> streamKeyspaces, Clock clock) {
    this.clock = clock;
    long highest = 0;
    try (Snapshot snapshot = storage.snapshot()) {
      for (int keyspace : streamKeyspaces) {
        try (KvCursor cursor = snapshot.scan(range(keyspace), true)) {
          if (cursor.next()) {
            highest = Math.max(highest, sequenceOf(cursor.key()));
          }
        }
      }
    }
    next = highest + 1;
  }

  /** Records a change of one item if its table has a stream and the item really changed. */
  public void append(Transaction tx, TableMetadata table, Map<String, AttributeValue> previous,
      Map<String, AttributeValue> current, boolean byService) {
    StreamSettings stream = table.stream();
    if (stream == null || (previous == null ? current == null : previous.equals(current))) {
      return;
    }
    long sequence = reserve();
    reserved.computeIfAbsent(tx, t -> new ArrayList<>()).add(sequence);
    Map<String, AttributeValue> any = current != null ? current : previous;
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    keys.put(table.keySchema().partitionKey().name(), any.get(table.keySchema().partitionKey().name()));
    table.keySchema().sortKey().ifPresent(k -> keys.put(k.name(), any.get(k.name())));
    Map<String, AttributeValue> record = new LinkedHashMap<>();
    record.put("event", new AttributeValue.S(previous == null ? "INSERT" : current == null ? "REMOVE" : "MODIFY"));
    record.put("keys", new AttributeValue.M(keys));
    boolean newImage = stream.viewType().equals("NEW_IMAGE") || stream.viewType().equals("NEW_AND_OLD_IMAGES");
    boolean oldImage = stream.viewType().equals("OLD_IMAGE") || stream.viewType().equals("NEW_AND_OLD_IMAGES");
    long size = ItemSize.of(keys);
    if (newImage && current != null) {
      record.put("new", new AttributeValue.M(current));
      size += ItemSize.of(current);
    }
    if (oldImage && previous != null) {
      record.put("old", new AttributeValue.M(previous));
      size += ItemSize.of(previous);
    }
    record.put("time", new AttributeValue.N(DynamoNumber.of(clock.millis())));
    record.put("size", new AttributeValue.N(DynamoNumber.of(size)));
    record.put("service", AttributeValue.Bool.of(byService));
    tx.put(key(stream.keyspace(), sequence), ItemCodec.encode(record));
  }

  /** {@code tx} committed or failed: the numbers it reserved no longer hold the watermark back. */
  public void release(Transaction tx) {
    List<Long> numbers = reserved.remove(tx);
    if (numbers != null) {
      numbers.forEach(inFlight::remove);
    }
  }

  private synchronized long reserve() {
    long sequence = next++;
    inFlight.add(sequence);
    return sequence;
  }

  /**
   * Where a shard can end: every record below it is committed or abandoned, every record from it on is not yet
   * visible. Records staged meanwhile under the old metadata conflict with the catalog change and are redone.
   */
  public long boundary() {
    return watermark() + 1;
  }

  /** The highest sequence number a reader may see: every number up to it is committed or abandoned. */
  public synchronized long watermark() {
    return inFlight.isEmpty() ? next - 1 : inFlight.first() - 1;
  }

  /** When a stored record was written, in epoch milliseconds. */
  public static long timeMillis(byte[] record) {
    return ((AttributeValue.N) ItemCodec.decode(record).get("time")).value().bigDecimalValue().longValue();
  }

  public static KeyRange range(int keyspace) {
    return KeyRange.prefix(ByteBuffer.allocate(4).putInt(keyspace).array());
  }

  public static byte[] key(int keyspace, long sequence) {
    return ByteBuffer.allocate(12).putInt(keyspace).putLong(sequence).array();
  }

  public static long sequenceOf(byte[] key) {
    return ByteBuffer.wrap(key, 4, 8).getLong();
  }
}
