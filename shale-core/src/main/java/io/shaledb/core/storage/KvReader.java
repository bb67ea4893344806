package io.shaledb.core.storage;

import org.jspecify.annotations.Nullable;

/** Point and range reads, shared by snapshots and transactions. */
public interface KvReader {

  /** The value stored under {@code key}, or {@code null} when there is none. Do not modify the array. */
  byte @Nullable [] get(byte[] key);

  /**
   * A cursor over the keys of {@code range}, ascending or descending. Cursors stream: they hold a bounded amount
   * of memory whatever the size of the range.
   */
  KvCursor scan(KeyRange range, boolean reverse);
}
