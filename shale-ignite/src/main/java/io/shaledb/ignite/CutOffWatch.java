package io.shaledb.ignite;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.ignite.Ignite;

/**
 * Tells when this process's Ignite node has reached fewer than a majority of its cluster for {@link #PATIENCE}. A node
 * the others' failure detection declared failed (cut off by a partition for longer than the detection's few seconds)
 * is stale to them for the rest of its launch: once the network heals they refuse its every connection ("is stale,
 * node should be restarted so that other nodes can connect") and it refuses theirs, so it never serves again, and
 * partitions that move the majority from node to node leave no two nodes connected (docs/cluster.md, "Partitions and
 * stale nodes"). Only a new launch is let in; the process exits for its supervisor to start it, since Ignite's
 * in-process restart did not finish in minutes on a cut-off node.
 *
 * <p>The cluster's size is the largest membership this node has seen: the public view ({@code cluster().nodes()})
 * holds only the members this node still reaches, so a node cut off sees itself alone, and it keeps seeing itself
 * alone after the network heals while the others refuse it. A node left alone because the others are down is cut off
 * too: it cannot serve either, and starting again costs it nothing it had.
 */
final class CutOffWatch implements AutoCloseable {
  /** Longer than a slow node's pause and a partition's failover, so that only a lasting cut ends a launch. */
  static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger(CutOffWatch.class.getName());

  private final IntSupplier members;
  private final String name;
  private final ScheduledExecutorService timer;
  private final CompletableFuture<String> cutOff = new CompletableFuture<>();
  private int clusterSize;
  private long belowMajoritySince = -1;

  /** A watch of the members {@code members} counts, not yet checking. */
  CutOffWatch(IntSupplier members, String name) {
    this.members = members;
    this.name = name;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("ignite-cut-off-watch-" + name).daemon().factory());
  }

  /** Watches a node that has joined its cluster. */
  static CutOffWatch start(Ignite ignite, String name) {
    CutOffWatch watch = new CutOffWatch(() -> ignite.cluster().nodes().size(), name);
    watch.timer.scheduleWithFixedDelay(watch::checkSafely, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return watch;
  }

  /** Completes, with why, once the node has been cut off for {@link #PATIENCE}. */
  CompletionStage<String> cutOff() {
    return cutOff;
  }

  private void checkSafely() {
    try {
      check(members.getAsInt(), System.nanoTime());
    } catch (RuntimeException e) {
      // A node stopping answers with an exception; the next check looks again.
      LOG.log(System.Logger.Level.DEBUG, "the cut-off check failed", e);
    }
  }

  /** Counts {@code reached}, the members this node reaches at {@code now}. */
  void check(int reached, long now) {
    if (cutOff.isDone()) {
      return;
    }
    clusterSize = Math.max(clusterSize, reached);
    if (reached > clusterSize / 2) {
      belowMajoritySince = -1;
      return;
    }
    if (belowMajoritySince < 0) {
      belowMajoritySince = now;
      LOG.log(System.Logger.Level.WARNING, "Ignite node {0} reaches {1} of the {2} nodes of its cluster", name,
          reached, clusterSize);
    } else if (now - belowMajoritySince >= PATIENCE.toNanos()) {
      timer.shutdown();
      cutOff.complete("Ignite node " + name + " has reached " + reached + " of the " + clusterSize + " nodes of its"
          + " cluster for " + PATIENCE.toSeconds() + " s, and its cluster lets a node cut off that long in again only"
          + " as a new launch");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
