package io.shaledb.core.stream;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.Versionstamps;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes change records into table streams, in the same storage transaction as the change they describe, so there
 * is never a change without its record nor a record without its change, also across a crash.
 *
 * <p>A record's sequence number is its key's versionstamp ({@link Transaction#putVersionstamped}), which the storage
 * engine assigns in commit order: a reader that follows a shard sees every record exactly once and in commit order,
 * and no record can later appear below one it has read. Two changes of one item conflict in storage, so they commit,
 * and appear, in the order they happened.
 */
public final class StreamLog {
  private static final String STAMP_MILLIS = "stampMillis";
  private static final String STAMP_REGION = "stampRegion";

  private final Clock clock;

  public StreamLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records a change of one item if its table has a stream and the item really changed.
   *
   * @param stamp the change's replication stamp, for a replicated table: kept in the record for the replicator,
   *     never shown to stream readers
   */
  public void append(Transaction tx, TableMetadata table, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> current, boolean byService, @Nullable ReplicationStamp stamp) {
    StreamSettings stream = table.stream();
    if (stream == null || (previous == null ? current == null : previous.equals(current))) {
      return;
    }
    Map<String, AttributeValue> any = Objects.requireNonNull(current != null ? current : previous,
        "a change has an item before or after it");
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    keys.put(table.keySchema().partitionKey().name(), any.get(table.keySchema().partitionKey().name()));
    table.keySchema().sortKey().ifPresent(k -> keys.put(k.name(), any.get(k.name())));
    Map<String, AttributeValue> record = new LinkedHashMap<>();
    record.put("event", new AttributeValue.S(previous == null ? "INSERT" : current == null ? "REMOVE" : "MODIFY"));
    record.put("keys", new AttributeValue.M(keys));
    boolean newImage = stream.viewType().hasNewImage();
    boolean oldImage = stream.viewType().hasOldImage();
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
    if (stamp != null) {
      record.put(STAMP_MILLIS, new AttributeValue.N(DynamoNumber.of(stamp.millis())));
      record.put(STAMP_REGION, new AttributeValue.S(stamp.region()));
    }
    tx.putVersionstamped(prefix(stream.keyspace()), ItemCodec.encode(record));
  }

  /**
   * The change a stored record describes, as replication sends it, or null for a record of a change that has no
   * replication stamp (made before the table had replicas). The table's stream has both images (replicated tables'
   * streams are NEW_AND_OLD_IMAGES).
   */
  public static @Nullable ReplicatedChange replicatedChange(byte[] stored) {
    Map<String, AttributeValue> record = ItemCodec.decode(stored);
    if (!(record.get(STAMP_MILLIS) instanceof AttributeValue.N millis)
        || !(record.get(STAMP_REGION) instanceof AttributeValue.S region)
        || !(record.get("keys") instanceof AttributeValue.M keys)) {
      return null;
    }
    Map<String, AttributeValue> item = record.get("new") instanceof AttributeValue.M image ? image.values() : null;
    boolean byService = record.get("service") instanceof AttributeValue.Bool service && service.value();
    return new ReplicatedChange(keys.values(), item,
        new ReplicationStamp(millis.value().bigDecimalValue().longValueExact(), region.value()), byService);
  }

  /** When a stored record was written, in epoch milliseconds. */
  public static long timeMillis(byte[] record) {
    AttributeValue time = Objects.requireNonNull(ItemCodec.decode(record).get("time"), "every record has its time");
    return ((AttributeValue.N) time).value().bigDecimalValue().longValue();
  }

  public static KeyRange range(int keyspace) {
    return KeyRange.prefix(prefix(keyspace));
  }

  /** The key of the record with sequence number {@code sequence} (its versionstamp). */
  public static byte[] key(int keyspace, long sequence) {
    return Versionstamps.append(prefix(keyspace), sequence);
  }

  public static long sequenceOf(byte[] key) {
    return Versionstamps.of(key);
  }

  private static byte[] prefix(int keyspace) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(keyspace).array();
  }
}
