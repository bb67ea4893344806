package io.shaledb.ignite;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.Versionstamps;
import io.shaledb.core.storage.WriteConflictException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.ignite.tx.TransactionOptions;
import org.jspecify.annotations.Nullable;

/**
 * The SPI's optimistic transaction on Ignite's pessimistic ones. Until commit it reads without locks and buffers its
 * writes, so it holds no lock while the layer above evaluates conditions. {@link #commit()} then runs one Ignite
 * read-write transaction that reads again every key this transaction read (taking their locks), fails with
 * {@link WriteConflictException} when one of them no longer holds what was read, and otherwise writes everything and
 * commits. Comparing values rather than versions is enough for serializability: while the locks are held the values
 * read are the current ones, so the transaction is equivalent to running at its commit.
 *
 * <p>Point reads go to the key's primary replica and see its latest commit, made through any node. A read-only
 * snapshot would be cheaper, but Ignite takes it up to its clock-skew allowance in the past, so a condition evaluated
 * on it could fail on a value another node had already replaced and acknowledged: a conditional write that fails must
 * have failed on a current value. Range reads, which the layer makes in transactions only over its own system
 * records, use a read-only snapshot taken at the first of them.
 */
final class IgniteTransaction implements Transaction {
  private final Keyspace keyspace;
  private @Nullable IgniteSnapshot snapshot;
  /** What each key read held (empty: absent), by key in unsigned order so locks are taken in one order. */
  private final TreeMap<byte[], Optional<byte[]>> reads = new TreeMap<>(Arrays::compareUnsigned);
  /** The writes to apply (empty: delete). */
  private final TreeMap<byte[], Optional<byte[]>> writes = new TreeMap<>(Arrays::compareUnsigned);
  private final List<Stamped> stamped = new ArrayList<>();
  private boolean finished;

  private record Stamped(byte[] prefix, byte[] value) {}

  IgniteTransaction(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    Optional<byte[]> written = writes.get(key);
    if (written != null) {
      return written.orElse(null);
    }
    Optional<byte[]> read = reads.get(key);
    if (read == null) {
      try {
        read = Optional.ofNullable(keyspace.calls().await("a transaction's read", keyspace.keys().getAsync(null, key)));
      } catch (RuntimeException e) {
        // A primary out of reach (the replication timeout while a node is cut off) is a passing outage, as at commit.
        throw IgniteErrors.commitFailure(e);
      }
      reads.put(key.clone(), read);
    }
    return read.orElse(null);
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    if (snapshot == null) {
      snapshot = new IgniteSnapshot(keyspace);
    }
    return snapshot.scan(range, reverse);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    writes.put(key, Optional.of(value));
  }

  @Override
  public void delete(byte[] key) {
    writes.put(key, Optional.empty());
  }

  @Override
  public void putVersionstamped(byte[] prefix, byte[] value) {
    stamped.add(new Stamped(prefix.clone(), value));
  }

  @Override
  public void commit() {
    close();
    if (writes.isEmpty() && stamped.isEmpty() && reads.size() < 2) {
      // Nothing to write, and one read (or none) is serialized where it was made.
      return;
    }
    if (stamped.isEmpty()) {
      commitUntilDecided();
    } else {
      keyspace.stamps().inTurn(this::commitUntilDecided);
    }
  }

  /**
   * Runs the commit's Ignite transaction until it commits or finds a real conflict. Ignite aborts the younger of two
   * transactions that wait for each other's locks even when their writes would not conflict in the SPI's sense (two
   * blind writes of one key, two stamping commits of different nodes). The buffered writes and the values read are
   * unchanged by such an abort, so the same commit runs again, after a short pause that lets the older holder finish;
   * a real conflict then shows as a changed value. The budget counts attempts, not time, so a busy machine that slows
   * every attempt down does not turn a commit that would succeed into a reported conflict.
   */
  private void commitUntilDecided() {
    for (int attempt = 1; ; attempt++) {
      org.apache.ignite.tx.Transaction locked = keyspace.begin(new TransactionOptions());
      try {
        validateReads(locked);
        applyWrites(locked);
        keyspace.calls().await("a commit", locked.commitAsync());
        return;
      } catch (WriteConflictException e) {
        keyspace.rollback(locked);
        throw e;
      } catch (RuntimeException e) {
        keyspace.rollback(locked);
        RuntimeException failure = IgniteErrors.commitFailure(e);
        if (!(failure instanceof WriteConflictException) || attempt == LockConflicts.ATTEMPTS) {
          throw failure;
        }
      }
      LockConflicts.pauseAfter(attempt);
    }
  }

  /**
   * Checks the keys read but not written under shared locks, in one batch. Written keys are checked as they are
   * written ({@link #applyWrites}), which takes their exclusive lock at once: a shared lock upgraded later would
   * deadlock with any other transaction that read the same key, and Ignite would abort one of them.
   */
  private void validateReads(org.apache.ignite.tx.Transaction locked) {
    List<byte[]> readOnly = reads.keySet().stream().filter(key -> !writes.containsKey(key)).toList();
    if (readOnly.isEmpty()) {
      return;
    }
    Map<String, byte[]> current = new HashMap<>();
    keyspace.calls().await("a commit's locking read", keyspace.keys().getAllAsync(locked, readOnly))
        .forEach((key, value) -> current.put(Arrays.toString(key), value));
    for (byte[] key : readOnly) {
      requireUnchanged(key, current.get(Arrays.toString(key)));
    }
  }

  private void requireUnchanged(byte[] key, byte @Nullable [] now) {
    Optional<byte[]> seen = reads.get(key);
    if (seen != null && !Arrays.equals(now, seen.orElse(null))) {
      throw new WriteConflictException("a key this transaction read was changed by another commit");
    }
  }

  /** Writes in key order, each returning the value it replaced, which must be the one read. */
  private void applyWrites(org.apache.ignite.tx.Transaction locked) {
    writes.forEach((key, value) -> requireUnchanged(key, keyspace.calls().await("a commit's write",
        value.isPresent()
            ? keyspace.keys().getAndPutAsync(locked, key, value.get())
            : keyspace.keys().getAndRemoveAsync(locked, key))));
    if (!stamped.isEmpty()) {
      // The counter row's lock is held to the commit, so stamps are handed out in commit order. Taken last, to hold
      // this one lock every stamping commit needs for as short a time as possible.
      long stamp = keyspace.stamps().take(locked, stamped.size());
      // Distinct new arrays, so identity is the right equality.
      IdentityHashMap<byte[], byte[]> puts = new IdentityHashMap<>();
      for (Stamped write : stamped) {
        puts.put(Versionstamps.append(write.prefix(), stamp++), write.value());
      }
      keyspace.calls().await("a commit's stamped writes", keyspace.keys().putAllAsync(locked, puts));
    }
  }

  @Override
  public void close() {
    if (!finished) {
      finished = true;
      if (snapshot != null) {
        snapshot.close();
      }
    }
  }
}
