package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.Versionstamps;
import io.shaledb.core.storage.WriteConflictException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory engine: multi-version concurrency control over concurrent skip lists.
 *
 * <p>Each key has a {@link Slot} holding its chain of {@link Version}s, newest first. Readers read at a sequence
 * number and walk the chain to the newest version not after it, so they never block and never see a partial commit.
 * Commits are serialised by one lock: validate that no key in the transaction's conflict set has a version newer
 * than the transaction's read sequence, install the new versions under the next sequence, then publish it.
 *
 * <p>Slots live in two indexes: an {@link OrderedIndex} for ranges, and a hash map for point reads and for commits,
 * which then go to the ordered index only to add a key it does not hold yet or remove one. A hash map lookup is two
 * or three dependent cache misses, fewer than any ordered search of a million keys.
 *
 * <p>Versions that no open reader can see any more are pruned when their key is written again; keys whose old
 * versions had to be kept for a reader are queued and pruned by later commits, so memory stays bounded by the live
 * data plus what open readers pin.
 */
public final class MemoryEngine implements StorageEngine {
  private static final int PRUNES_PER_COMMIT = 64;
  private static final int CLEARS_PER_LOCK = 1024;

  private final OrderedIndex ordered = new OrderedIndex();
  private final ConcurrentHashMap<Slot, Slot> points = new ConcurrentHashMap<>();
  private final ReadTracker readers = new ReadTracker();
  /** Keys whose superseded versions a reader still pinned, in commit order, with the version that superseded them. */
  private final ArrayDeque<PendingPrune> pendingPrune = new ArrayDeque<>();
  private final Object commitLock = new Object();

  private record PendingPrune(Slot slot, long sequence) {}

  /** A write whose key ends in the versionstamp its commit assigns. */
  record StampedWrite(byte[] prefix, byte[] value) {}

  /**
   * A versionstamp is the commit's sequence followed by the write's position in its transaction, which bounds the
   * stamped writes of one transaction.
   */
  private static final int STAMP_POSITION_BITS = 16;

  @Override
  public Snapshot snapshot() {
    return new MemorySnapshot(this, readers.open());
  }

  /** Through a snapshot: it registers the read, which keeps the version it reads from being pruned meanwhile. */
  @Override
  public byte @Nullable [] getWithoutBlocking(byte[] key) {
    try (Snapshot snapshot = snapshot()) {
      return snapshot.get(key);
    }
  }

  /** Commits take sequences in order under the commit lock, so the next one stamps above everything published. */
  @Override
  public long nextVersionstamp() {
    synchronized (commitLock) {
      return (readers.latest() + 1) << STAMP_POSITION_BITS;
    }
  }

  @Override
  public Transaction begin() {
    return new MemoryTransaction(this, readers.open());
  }

  /** In steps, so that dropping a large table holds commits up for a moment at a time ({@link Capability}). */
  @Override
  public void clearRange(KeyRange range) {
    int cleared;
    do {
      synchronized (commitLock) {
        cleared = ordered.clear(range, CLEARS_PER_LOCK, points::remove);
      }
    } while (cleared == CLEARS_PER_LOCK);
  }

  /** The keys held, system keys and index entries included: all a heap engine can count without walking it. */
  @Override
  public Map<String, Long> statistics() {
    return Map.of("keys", points.mappingCount());
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.NON_BLOCKING);
  }

  @Override
  public void close() {
    synchronized (commitLock) {
      points.clear();
      ordered.clear();
    }
  }

  byte @Nullable [] get(byte[] key, long readSequence) {
    Slot slot = points.get(Slot.probe(key));
    Version visible = slot == null ? null : slot.head.visibleAt(readSequence);
    return visible == null ? null : visible.value;
  }

  Iterator<Slot> range(KeyRange range, boolean reverse) {
    return ordered.range(range, reverse);
  }

  void release(long readSequence) {
    readers.close(readSequence);
  }

  /**
   * Applies {@code writes} (null values delete) and {@code stamped} if no key in {@code conflicts} changed after
   * {@code readSequence}.
   */
  void commit(long readSequence, Set<byte[]> conflicts, Map<byte[], byte[]> writes, List<StampedWrite> stamped) {
    if (stamped.size() >= 1 << STAMP_POSITION_BITS) {
      throw new IllegalArgumentException("a transaction writes at most 65535 versionstamped keys");
    }
    synchronized (commitLock) {
      for (byte[] key : conflicts) {
        Slot slot = points.get(Slot.probe(key));
        if (slot != null && slot.head.sequence > readSequence) {
          throw new WriteConflictException("a key this transaction read or wrote was committed since it began");
        }
      }
      if (writes.isEmpty() && stamped.isEmpty()) {
        return;
      }
      long sequence = readers.latest() + 1;
      // Readers opened before the publish below cannot see the new versions, so this bound is safe for them too.
      long oldest = readers.oldestReadable();
      for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
        install(write.getKey(), write.getValue(), sequence, oldest);
      }
      for (int i = 0; i < stamped.size(); i++) {
        StampedWrite write = stamped.get(i);
        install(Versionstamps.append(write.prefix(), (sequence << STAMP_POSITION_BITS) | i), write.value(), sequence, oldest);
      }
      readers.publish(sequence);
      // Queued keys become prunable in commit order; stop at the first one a reader still pins.
      for (int i = 0; i < PRUNES_PER_COMMIT && !pendingPrune.isEmpty()
          && pendingPrune.peek().sequence() <= oldest; i++) {
        prune(pendingPrune.poll().slot(), oldest);
      }
    }
  }

  /** Adds a version of {@code key} (a null value deletes); deleting a key the engine does not hold changes nothing. */
  private void install(byte[] key, byte[] value, long sequence, long oldest) {
    Slot slot = points.get(Slot.probe(key));
    if (slot != null) {
      slot.head = new Version(sequence, value, slot.head);
      cut(slot, oldest);
    } else if (value != null) {
      slot = new Slot(key, new Version(sequence, value, null));
      points.put(slot, slot);
      ordered.put(slot);
    }
  }

  /** Prunes a queued slot: its versions no reader at or after {@code oldest} can see, and the key if deleted. */
  @SuppressWarnings("ReferenceEquality") // the question is whether this very slot is still the one stored
  private void prune(Slot slot, long oldest) {
    if (points.get(slot) != slot) {
      return; // a cleared range or an earlier prune removed the key; a slot for it now would be a new one
    }
    Version head = slot.head;
    cut(slot, oldest);
    if (head.older == null && head.value == null && head.sequence <= oldest) {
      points.remove(slot);
      ordered.remove(slot.key);
    }
  }

  /**
   * Cuts the versions of the slot's chain that no reader at or after {@code oldest} can see, and queues the slot
   * when something remains to prune once the readers that still see it close: older versions, or a deletion's
   * marker. A key's only live version (a new item) has nothing to prune and is not queued.
   */
  private void cut(Slot slot, long oldest) {
    Version head = slot.head;
    Version floor = head.visibleAt(oldest);
    if (floor != null) {
      floor.older = null;
    }
    boolean prunable = head.older != null || head.value == null;
    if (prunable && (floor != head || head.sequence > oldest)) {
      pendingPrune.add(new PendingPrune(slot, head.sequence));
    }
  }
}
