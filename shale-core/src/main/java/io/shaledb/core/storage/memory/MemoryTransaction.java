package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** An optimistic transaction of the memory engine: buffered writes, validated and applied at commit. */
final class MemoryTransaction implements Transaction {
  private final MemoryEngine engine;
  private final long readSequence;
  private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
  private final Set<byte[]> conflicts = new TreeSet<>(Arrays::compareUnsigned);
  private final List<MemoryEngine.StampedWrite> stamped = new ArrayList<>(0);
  private boolean closed;

  MemoryTransaction(MemoryEngine engine, long readSequence) {
    this.engine = engine;
    this.readSequence = readSequence;
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    conflicts.add(key);
    return writes.containsKey(key) ? writes.get(key) : engine.get(key, readSequence);
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    return new MemoryCursor(engine.range(range, reverse), readSequence);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    conflicts.add(key);
    writes.put(key, value);
  }

  @Override
  public void delete(byte[] key) {
    conflicts.add(key);
    writes.put(key, null);
  }

  @Override
  public void putVersionstamped(byte[] prefix, byte[] value) {
    stamped.add(new MemoryEngine.StampedWrite(prefix, value));
  }

  @Override
  public void commit() {
    engine.commit(readSequence, conflicts, writes, stamped);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.release(readSequence);
    }
  }
}
