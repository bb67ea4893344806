package io.shaledb.rocksdb;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
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
  private final StampedCommits stampedCommits;
  private final List<StampedCommits.StampedWrite> stamped = new ArrayList<>(0);

  RocksTransaction(RocksDB db, org.rocksdb.Transaction transaction, WriteOutage outage, CommitThreads commits,
      StampedCommits stampedCommits) {
    this.db = db;
    this.transaction = transaction;
    this.outage = outage;
    this.commits = commits;
    this.stampedCommits = stampedCommits;
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

  /**
   * A merge operand, which the engine's merge operator appends to the value when it is read or compacted: no read of
   * the value now, and untracked, so the commit does not look the key up in the memtables to check it for conflicts.
   */
  @Override
  public void append(byte[] key, byte[] bytes) {
    try {
      transaction.mergeUntracked(key, bytes);
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
  public void putVersionstamped(byte[] prefix, byte[] value) {
    stamped.add(new StampedCommits.StampedWrite(prefix, value));
  }

  @Override
  public void commit() {
    try {
      if (stamped.isEmpty()) {
        commits.run(transaction::commit);
      } else {
        commits.run(() -> stampedCommits.commit(transaction, stamped));
      }
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
