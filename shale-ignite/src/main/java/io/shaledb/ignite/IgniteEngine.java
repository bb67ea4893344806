package io.shaledb.ignite;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WouldBlockException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.ignite.Ignite;
import org.jspecify.annotations.Nullable;

/**
 * The storage SPI on an Apache Ignite 3 cluster, reached through the embedded node of this process. Every node of the
 * cluster may open the same keyspace; Ignite routes each read and write to the partition's replicas, so any node
 * answers any request.
 *
 * <p>Durable: a commit returns once a majority of each partition's replicas have it in their Raft logs (synced to disk
 * when the node's {@code raft.fsync} is on, which {@link io.shaledb.core.storage.Durability#FSYNC} sets). Reads and
 * commits cross the network, so the engine is not {@link Capability#NON_BLOCKING}.
 */
public final class IgniteEngine implements StorageEngine {
  /** Keys a {@link #clearRange} deletes per Ignite transaction, so a large range is never one huge transaction. */
  private static final int CLEAR_BATCH = 1000;

  private final Keyspace keyspace;
  private final @Nullable AutoCloseable nodes;
  private final ClusterStatusReader status;
  private final CompletionStage<String> restartNeeded;

  private IgniteEngine(Keyspace keyspace, @Nullable AutoCloseable nodes, CompletionStage<String> restartNeeded,
      List<String> seeds) {
    this.keyspace = keyspace;
    this.nodes = nodes;
    this.restartNeeded = restartNeeded;
    this.status = new ClusterStatusReader(keyspace.ignite(), keyspace.name(), seeds);
  }

  /**
   * An engine on the keyspace {@code table} of a running cluster, reached through {@code ignite}; closing it leaves the
   * node running. Creates the keyspace when it is missing.
   */
  public static IgniteEngine attach(Ignite ignite, String table, int replicas, int partitions) {
    return new IgniteEngine(Keyspace.open(ignite, table, new ZoneSettings(replicas, partitions), CallDeadline.DEFAULT),
        null, new CompletableFuture<>(), List.of());
  }

  /**
   * An engine on the keyspace {@code table}, reached through {@code ignite}, that owns {@code nodes} (the node or nodes
   * of this process): closing the engine stops them. {@code seeds}, the addresses the node found the cluster at, are
   * the nodes its {@link #clusterStatus()} reports absent when no member answers there. {@code restartNeeded} is the
   * nodes' signal that this process must be started again ({@link #restartNeeded()}). {@code calls} bounds each Ignite
   * call a request makes.
   */
  static IgniteEngine owning(AutoCloseable nodes, CompletionStage<String> restartNeeded, Ignite ignite, String table,
      ZoneSettings zone, List<String> seeds, CallDeadline calls) {
    try {
      return new IgniteEngine(Keyspace.open(ignite, table, zone, calls), nodes, restartNeeded, seeds);
    } catch (RuntimeException e) {
      try {
        nodes.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public Snapshot snapshot() {
    return new IgniteSnapshot(keyspace);
  }

  @Override
  public Snapshot consistentSnapshot() {
    return new LockingSnapshot(keyspace);
  }

  /**
   * A read of the latest commit at the partition's primary replica, which needs no lock. It crosses the network and
   * may wait for a primary (up to Ignite's 30 s while a lost node's partitions have none), so it runs on a worker.
   */
  @Override
  public byte @Nullable [] consistentGet(byte[] key) {
    try {
      return keyspace.calls().await("a strongly consistent read", keyspace.keys().getAsync(null, key));
    } catch (RuntimeException e) {
      throw IgniteErrors.readFailure(e);
    }
  }

  /**
   * Never answers: every read asks a replica over the network. A read on a server's network thread would stall every
   * connection of that thread while it waits, for seconds when a partition's primary was on a lost node.
   */
  @Override
  public byte @Nullable [] getWithoutBlocking(byte[] key) {
    throw new WouldBlockException(WouldBlockException.Reason.ALWAYS);
  }

  @Override
  public long nextVersionstamp() {
    return keyspace.stamps().next();
  }

  @Override
  public Transaction begin() {
    return new IgniteTransaction(keyspace);
  }

  @Override
  public void clearRange(KeyRange range) {
    while (true) {
      List<byte[]> batch = new ArrayList<>(CLEAR_BATCH);
      try (Snapshot snapshot = snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
        while (batch.size() < CLEAR_BATCH && cursor.next()) {
          batch.add(cursor.key());
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      try {
        keyspace.calls().await("a range's deletion", keyspace.keys().removeAllAsync(null, batch));
      } catch (RuntimeException e) {
        throw IgniteErrors.commitFailure(e);
      }
    }
  }

  @Override
  public ClusterStatus clusterStatus() {
    return status.read();
  }

  @Override
  public CompletionStage<String> restartNeeded() {
    return restartNeeded;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.DURABLE, Capability.SHARED, Capability.CLUSTER_STATUS);
  }

  @Override
  public void close() {
    if (nodes != null) {
      try {
        nodes.close();
      } catch (Exception e) {
        throw new IllegalStateException("the Ignite node did not stop cleanly", e);
      }
    }
  }
}
