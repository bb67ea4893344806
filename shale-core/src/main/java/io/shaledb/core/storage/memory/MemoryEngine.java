package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The in-memory engine: multi-version concurrency control over a concurrent skip list.
 *
 * <p>Each key maps to a chain of {@link Version}s, newest first. Readers read at a sequence number and walk the
 * chain to the newest version not after it, so they never block and never see a partial commit. Commits are
 * serialised by one lock: validate that no key in the transaction's conflict set has a version newer than the
 * transaction's read sequence, install the new versions under the next sequence, then publish it.
 *
 * <p>Versions that no open reader can see any more are pruned when their key is written again; keys whose old
 * versions had to be kept for a reader are queued and pruned by later commits, so memory stays bounded by the live
 * data plus what open readers pin.
 */
public final class MemoryEngine implements StorageEngine {
  private static final int PRUNES_PER_COMMIT = 64;

  private final ConcurrentSkipListMap<byte[], Version> data = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  private final ReadTracker readers = new ReadTracker();
  /** Keys whose superseded versions a reader still pinned, in commit order, with the version that superseded them. */
  private final ArrayDeque<PendingPrune> pendingPrune = new ArrayDeque<>();
  private final Object commitLock = new Object();

  private record PendingPrune(byte[] key, long sequence) {}

  @Override
  public Snapshot snapshot() {
    return new MemorySnapshot(this, readers.open());
  }

  @Override
  public Transaction begin() {
    return new MemoryTransaction(this, readers.open());
  }

  @Override
  public void clearRange(KeyRange range) {
    data.subMap(range.start(), true, range.end(), false).clear();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public void close() {
    data.clear();
  }

  byte[] get(byte[] key, long readSequence) {
    Version head = data.get(key);
    Version visible = head == null ? null : head.visibleAt(readSequence);
    return visible == null ? null : visible.value;
  }

  NavigableMap<byte[], Version> range(KeyRange range, boolean reverse) {
    NavigableMap<byte[], Version> sub = data.subMap(range.start(), true, range.end(), false);
    return reverse ? sub.descendingMap() : sub;
  }

  void release(long readSequence) {
    readers.close(readSequence);
  }

  /** Applies {@code writes} (null values delete) if no key in {@code conflicts} changed after {@code readSequence}. */
  void commit(long readSequence, Set<byte[]> conflicts, Map<byte[], byte[]> writes) {
    synchronized (commitLock) {
      for (byte[] key : conflicts) {
        Version head = data.get(key);
        if (head != null && head.sequence > readSequence) {
          throw new WriteConflictException("a key this transaction read or wrote was committed since it began");
        }
      }
      if (writes.isEmpty()) {
        return;
      }
      long sequence = readers.latest() + 1;
      // Readers opened before the publish below cannot see the new versions, so this bound is safe for them too.
      long oldest = readers.oldestReadable();
      for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
        data.compute(write.getKey(), (key, head) -> {
          Version installed = new Version(sequence, write.getValue(), head);
          cut(key, installed, oldest);
          return installed;
        });
      }
      readers.publish(sequence);
      // Queued keys become prunable in commit order; stop at the first one a reader still pins.
      for (int i = 0; i < PRUNES_PER_COMMIT && !pendingPrune.isEmpty()
          && pendingPrune.peek().sequence() <= oldest; i++) {
        prune(pendingPrune.poll().key(), oldest);
      }
    }
  }

  /** Prunes a queued key: its versions no reader at or after {@code oldest} can see, and the key if deleted. */
  private void prune(byte[] key, long oldest) {
    Version head = data.get(key);
    if (head == null) {
      return;
    }
    cut(key, head, oldest);
    if (head.older == null && head.value == null && head.sequence <= oldest) {
      data.remove(key, head);
    }
  }

  /**
   * Cuts the versions of {@code head}'s chain that no reader at or after {@code oldest} can see, and queues the key
   * when something remains to prune once the readers that still see it close: older versions, or a deletion's
   * marker. A key's only live version (a new item) has nothing to prune and is not queued.
   */
  private void cut(byte[] key, Version head, long oldest) {
    Version floor = head.visibleAt(oldest);
    if (floor != null) {
      floor.older = null;
    }
    boolean prunable = head.older != null || head.value == null;
    if (prunable && (floor != head || head.sequence > oldest)) {
      pendingPrune.add(new PendingPrune(key, head.sequence));
    }
  }
}
