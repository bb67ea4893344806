package io.shaledb.core.storage;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine whose next commits fail as a broken disk would make them fail, for tests of recovery. */
public final class FailingEngine implements StorageEngine {
  private final StorageEngine delegate;
  private final AtomicInteger failures = new AtomicInteger();

  public FailingEngine(StorageEngine delegate) {
    this.delegate = delegate;
  }

  /** Makes the next {@code count} commits throw without writing anything. */
  public void failNextCommits(int count) {
    failures.set(count);
  }

  @Override
  public Snapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public byte[] getWithoutBlocking(byte[] key) {
    return delegate.getWithoutBlocking(key);
  }

  @Override
  public long nextVersionstamp() {
    return delegate.nextVersionstamp();
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

  @Override
  public void clearRange(KeyRange range) {
    delegate.clearRange(range);
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
