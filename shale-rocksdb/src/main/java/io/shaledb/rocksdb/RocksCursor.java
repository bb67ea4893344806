package io.shaledb.rocksdb;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/** A bounded RocksDB iterator at a snapshot; RocksDB reads the range block by block, so memory stays flat. */
final class RocksCursor implements KvCursor {
  private final Slice lower;
  private final Slice upper;
  private final ReadOptions readOptions;
  private final RocksIterator iterator;
  private final boolean reverse;
  private boolean started;

  RocksCursor(RocksDB db, org.rocksdb.Snapshot snapshot, KeyRange range, boolean reverse) {
    this.lower = new Slice(range.start());
    this.upper = new Slice(range.end());
    this.readOptions = new ReadOptions().setSnapshot(snapshot).setIterateLowerBound(lower).setIterateUpperBound(upper);
    this.iterator = db.newIterator(readOptions);
    this.reverse = reverse;
  }

  @Override
  public boolean next() {
    if (!started) {
      started = true;
      if (reverse) {
        iterator.seekToLast();
      } else {
        iterator.seekToFirst();
      }
    } else if (reverse) {
      iterator.prev();
    } else {
      iterator.next();
    }
    return iterator.isValid();
  }

  @Override
  public byte[] key() {
    return iterator.key();
  }

  @Override
  public byte[] value() {
    return iterator.value();
  }

  @Override
  public void close() {
    iterator.close();
    readOptions.close();
    upper.close();
    lower.close();
  }
}
