package io.shaledb.core.storage;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * An ordered, transactional key-value store of byte strings: the one thing ShaleDB's engine needs from storage.
 *
 * <p>Contracts every implementation keeps:
 *
 * <ul>
 *   <li>Keys are ordered by unsigned lexicographic byte order.
 *   <li>A {@link Snapshot} sees one consistent point in time, however long it is held, and is not affected by
 *       later commits.
 *   <li>A {@link Transaction} is optimistic: it reads committed state no older than {@link #begin()} (the snapshot
 *       taken then, or, on an engine whose snapshots may lag other nodes' commits, each key's latest commit when it
 *       is read) plus its own writes, and {@link Transaction#commit()} applies all of its writes atomically, or none
 *       of them and throws {@link WriteConflictException} when a key it read or wrote was committed by someone else
 *       after it was read. That makes committed transactions serializable on the keys they touch.
 *   <li>When {@link Capability#DURABLE} is declared, a commit that returned survives the process being killed
 *       ({@code kill -9}) and the engine being opened again on the same data; with {@link Durability#FSYNC} it also
 *       survives an operating system crash or a power cut.
 *   <li>A commit or clear that cannot be written for a passing reason (a full disk) throws
 *       {@link StorageUnavailableException}; reads go on working meanwhile.
 *   <li>All methods are thread-safe. Snapshots, transactions and cursors belong to one thread at a time and must
 *       be closed.
 * </ul>
 */
public interface StorageEngine extends AutoCloseable {

  /** A consistent read-only view of the store as of now. */
  Snapshot snapshot();

  /**
   * A snapshot for one strongly consistent read request (DynamoDB's {@code ConsistentRead}, TransactGetItems, a
   * catalog reload): like {@link #snapshot()}, and it also reflects every commit that completed before it was taken,
   * through any process sharing the store. Hold it only for the request: an engine may pay for that guarantee with
   * locks that make concurrent commits wait or run again. An engine whose snapshots already reflect every completed
   * commit (one process) answers {@link #snapshot()}.
   *
   * @throws StorageUnavailableException from a read, when the engine could not keep the view consistent (a clustered
   *     engine's read that lost a lock conflict after it had answered other reads); the request may be retried
   */
  default Snapshot consistentSnapshot() {
    return snapshot();
  }

  /**
   * The value under {@code key} as a strongly consistent read of that one key sees it ({@link #consistentSnapshot()}
   * read once): an engine may answer a single key more cheaply than a view that must hold still for several reads. It
   * may wait for I/O.
   *
   * @throws StorageUnavailableException when the engine cannot read the key now; the request may be retried
   */
  default byte @Nullable [] consistentGet(byte[] key) {
    try (Snapshot snapshot = consistentSnapshot()) {
      return snapshot.get(key);
    }
  }

  /**
   * The latest committed value under {@code key}, or {@code null}, read without waiting for I/O: a server may call
   * it on a network thread and hand the work to a worker only when it throws. Engines declaring
   * {@link Capability#NON_BLOCKING} always answer. An engine whose store other processes share ({@link
   * Capability#SHARED}) cannot know the latest commit without asking them, so it never answers: it always throws,
   * for reason {@link WouldBlockException.Reason#ALWAYS}.
   *
   * @throws WouldBlockException when the value is not in memory (the engine's caches included)
   */
  byte @Nullable [] getWithoutBlocking(byte[] key);

  /**
   * The lowest versionstamp ({@link Transaction#putVersionstamped}) a commit can receive from now on: every smaller
   * stamp belongs to a commit that has completed, visible to snapshots taken after this call. A log split at this
   * value (a stream's shard ending here) is complete below it.
   */
  long nextVersionstamp();

  /**
   * Starts an optimistic read-write transaction.
   *
   * @throws StorageUnavailableException when the engine cannot write at all for now (a durable engine opened
   *     read-only because its disk was full)
   */
  Transaction begin();

  /**
   * Removes every key in {@code range}, as durably as a commit. Not atomic with other writes and not isolated:
   * callers use it only for ranges nothing else reads or writes any more (the items of a deleted table).
   *
   * @throws StorageUnavailableException when the engine cannot write now (a full disk); part of the range may be
   *     cleared
   */
  void clearRange(KeyRange range);

  /**
   * Figures on the engine's own state for monitoring, by a stable lower-case name: memory held, background work
   * queued. Optional: an engine keeps what it can read cheaply (it is called on every metrics scrape, on any thread),
   * and one with nothing to say answers an empty map.
   */
  default Map<String, Long> statistics() {
    return Map.of();
  }

  /**
   * The engine's cluster: its nodes, and where each partition's replicas are and how they are doing. Only engines
   * declaring {@link Capability#CLUSTER_STATUS} answer it; it reads the cluster's own state, not the store.
   *
   * @throws UnsupportedOperationException when the engine does not declare {@link Capability#CLUSTER_STATUS}
   * @throws StorageUnavailableException when the cluster does not answer in time
   */
  default ClusterStatus clusterStatus() {
    throw new UnsupportedOperationException("the engine does not run on a cluster");
  }

  /**
   * Completes, with why, once this process can no longer serve from the engine and must be started again: a cluster
   * node that its cluster refuses for the rest of the node's launch. The server then exits for its supervisor to start
   * it again (docs/cluster.md, "Partitions and stale nodes"). An engine that never needs it answers a stage that
   * never completes.
   */
  default CompletionStage<String> restartNeeded() {
    return new CompletableFuture<>();
  }

  /** The optional features this engine provides. */
  Set<Capability> capabilities();

  /** Releases the engine's resources; committed data stays as durable as the engine declares. */
  @Override
  void close();
}
