package io.shaledb.rocksdb;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** A RocksDB snapshot; released on close. */
final class RocksSnapshot implements Snapshot {
  private final RocksDB db;
  private final org.rocksdb.Snapshot snapshot;
  private final ReadOptions readOptions;

  RocksSnapshot(RocksDB db, org.rocksdb.Snapshot snapshot) {
    this.db = db;
    this.snapshot = snapshot;
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return db.get(readOptions, key);
    } catch (RocksDBException e) {
      throw RocksErrors.unchecked(e);
    }
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    return new RocksCursor(db, snapshot, range, reverse);
  }

  @Override
  public void close() {
    readOptions.close();
    db.releaseSnapshot(snapshot);
  }
}
