package io.shaledb.core.storage;

import io.shaledb.core.keys.KeyCodec;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine that counts, per keyspace, the keys its snapshots' cursors return: what background work reads. */
public final class CountingEngine extends ForwardingEngine {
  private final Map<Integer, AtomicInteger> scanned = new ConcurrentHashMap<>();

  public CountingEngine(StorageEngine delegate) {
    super(delegate);
  }

  /** How many keys of {@code keyspace} the cursors of snapshots have returned so far. */
  public int keysScanned(int keyspace) {
    AtomicInteger count = scanned.get(keyspace);
    return count == null ? 0 : count.get();
  }

  @Override
  public Snapshot snapshot() {
    Snapshot snapshot = delegate.snapshot();
    return new Snapshot() {
      @Override
      public byte[] get(byte[] key) {
        return snapshot.get(key);
      }

      @Override
      public KvCursor scan(KeyRange range, boolean reverse) {
        return counting(snapshot.scan(range, reverse));
      }

      @Override
      public void close() {
        snapshot.close();
      }
    };
  }

  private KvCursor counting(KvCursor cursor) {
    return new KvCursor() {
      @Override
      public boolean next() {
        boolean found = cursor.next();
        if (found && cursor.key().length >= KeyCodec.KEYSPACE_BYTES) {
          scanned.computeIfAbsent(ByteBuffer.wrap(cursor.key()).getInt(), keyspace -> new AtomicInteger())
              .incrementAndGet();
        }
        return found;
      }

      @Override
      public byte[] key() {
        return cursor.key();
      }

      @Override
      public byte[] value() {
        return cursor.value();
      }

      @Override
      public void close() {
        cursor.close();
      }
    };
  }
}
