package io.shaledb.core.storage;

import java.util.concurrent.atomic.AtomicInteger;

/** An engine whose next commits fail as a broken disk would make them fail, for tests of recovery. */
public final class FailingEngine extends ForwardingEngine {
  private final AtomicInteger failures = new AtomicInteger();

  public FailingEngine(StorageEngine delegate) {
    super(delegate);
  }

  /** Makes the next {@code count} commits throw without writing anything. */
  public void failNextCommits(int count) {
    failures.set(count);
  }

  @Override
  public Transaction begin() {
    Transaction tx = delegate.begin();
    return new Transaction() {
      @Override
      public byte[] get(byte[] key) {
        return tx.get(key);
      }

      @Override
      public KvCursor scan(KeyRange range, boolean reverse) {
        return tx.scan(range, reverse);
      }

      @Override
      public void put(byte[] key, byte[] value) {
        tx.put(key, value);
      }

      @Override
      public void delete(byte[] key) {
        tx.delete(key);
      }

      @Override
      public void putVersionstamped(byte[] prefix, byte[] value) {
        tx.putVersionstamped(prefix, value);
      }

      @Override
      public void commit() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new IllegalStateException("injected commit failure");
        }
        tx.commit();
      }

      @Override
      public void close() {
        tx.close();
      }
    };
  }
}
