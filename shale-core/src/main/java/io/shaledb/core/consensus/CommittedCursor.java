package io.shaledb.core.consensus;

import io.shaledb.core.storage.KvCursor;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The committed values of a range of items, in the order of their keys, read from where a region keeps them: each
 * record the underlying cursor meets is one item's, whose key and committed value the two functions make of it.
 */
final class CommittedCursor implements AutoCloseable {
  private final KvCursor records;
  private final UnaryOperator<byte[]> itemKey;
  private final BiFunction<byte[], byte[], Committed> committed;

  /**
   * @param itemKey the item's key (in its table's keyspace) of a record's key
   * @param committed the item's committed value of its key and the record's value
   */
  CommittedCursor(KvCursor records, UnaryOperator<byte[]> itemKey, BiFunction<byte[], byte[], Committed> committed) {
    this.records = records;
    this.itemKey = itemKey;
    this.committed = committed;
  }

  boolean next() {
    return records.next();
  }

  byte[] itemKey() {
    return itemKey.apply(records.key());
  }

  Committed committed(byte[] itemKey) {
    return committed.apply(itemKey, records.value());
  }

  @Override
  public void close() {
    records.close();
  }
}
