package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import org.jspecify.annotations.Nullable;

/** A read view of the memory engine at one sequence number. */
final class MemorySnapshot implements Snapshot {
  private final MemoryEngine engine;
  private final long readSequence;
  private boolean closed;

  MemorySnapshot(MemoryEngine engine, long readSequence) {
    this.engine = engine;
    this.readSequence = readSequence;
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return engine.get(key, readSequence);
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    return new MemoryCursor(engine.range(range, reverse), readSequence);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.release(readSequence);
    }
  }
}
