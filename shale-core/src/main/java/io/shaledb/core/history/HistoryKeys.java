package io.shaledb.core.history;

import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.storage.KeyRange;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The keys of a history keyspace: {@code [history keyspace][item key without its keyspace][change time: 8 bytes,
 * epoch milliseconds, big-endian]}.
 *
 * <p>Item keys are prefix-free within a table (the partition key carries its length and the sort key encoding is
 * self-delimiting), so a history keyspace is ordered by item as the table is, and within an item by time. The item as
 * of instant T is therefore the first record of its range after T: one short range read. Reclamation walks the
 * keyspace and compares each key's last eight bytes with the horizon.
 *
 * <p>One key per item and millisecond: a restore can only name a millisecond, so of two changes of an item within
 * one, only the state before the first and after the last (the next key's record or the current item) can be asked
 * for. Each change appends its record to the key's value ({@link BeforeImage#appendable}); since both changes read
 * and write the item, the engine commits them one after the other, and the value holds the first's record then the
 * second's, which read together as the item before the first.
 */
public final class HistoryKeys {
  private static final int TIME_BYTES = Long.BYTES;

  private HistoryKeys() {}

  /** The record of the change of the item under {@code itemKey} at {@code millis}. */
  public static byte[] key(int historyKeyspace, byte[] itemKey, long millis) {
    return ByteBuffer.allocate(itemKey.length + TIME_BYTES)
        .putInt(historyKeyspace)
        .put(itemKey, KeyCodec.KEYSPACE_BYTES, itemKey.length - KeyCodec.KEYSPACE_BYTES)
        .putLong(millis)
        .array();
  }

  /** The table's key of the item a history record is about. */
  public static byte[] itemKey(byte[] historyKey, int tableKeyspace) {
    byte[] itemKey = Arrays.copyOf(historyKey, historyKey.length - TIME_BYTES);
    ByteBuffer.wrap(itemKey).putInt(tableKeyspace);
    return itemKey;
  }

  /** When the change a history record is about was made, in epoch milliseconds. */
  public static long millis(byte[] historyKey) {
    return ByteBuffer.wrap(historyKey, historyKey.length - TIME_BYTES, TIME_BYTES).getLong();
  }

  /** Every history record of the items from {@code itemKey} on. */
  public static KeyRange from(int historyKeyspace, byte[] itemKey) {
    return new KeyRange(key(historyKeyspace, itemKey, 0), KeyCodec.keyspaceRange(historyKeyspace).end());
  }
}
