package io.shaledb.rocksdb;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Transaction;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** An optimistic RocksDB transaction; reads go through getForUpdate so RocksDB checks them for conflicts. */
final class RocksTransaction implements Transaction {
  private final RocksDB db;
  private final org.rocksdb.Transaction transaction;
  private final WriteOutage outage;
  private final CommitThreads commits;
  private final ReadOptions readOptions;

  RocksTransaction(RocksDB db, org.rocksdb.Transaction transaction, WriteOutage outage, CommitThreads commits) {
    this.db = db;
    this.transaction = transaction;
    this.outage = outage;
    this.commits = commits;
    this.readOptions = new ReadOptions().setSnapshot(transaction.getSnapshot());
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return transaction.getForUpdate(readOptions, key, true);
    } catch (RocksDBException e) {
      throw RocksErrors.unchecked(e);
    }
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    return new RocksCursor(db, transaction.getSnapshot(), range, reverse);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    try {
      transaction.put(key, value);
    } catch (RocksDBException e) {
      throw RocksErrors.unchecked(e);
    }
  }

  @Override
  public void delete(byte[] key) {
    try {
      transaction.delete(key);
    } catch (RocksDBException e) {
      throw RocksErrors.unchecked(e);
    }
  }

  @Override
  public void commit() {
    try {
      commits.run(transaction::commit);
    } catch (RocksDBException e) {
      throw outage.failed(e);
    }
    outage.succeeded();
  }

  @Override
  public void close() {
    readOptions.close();
    transaction.close();
  }
}
