package io.shaledb.ignite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteServer;
import org.apache.ignite.InitParameters;
import org.apache.ignite.internal.app.IgniteImpl;

/** An Apache Ignite node running in this process, joined to its cluster. */
public final class EmbeddedNode implements AutoCloseable {
  /** The node's configuration, which each launch writes in its work directory for Ignite to read. */
  static final String CONFIGURATION_FILE = "ignite-config.conf";
  private static final long START_TIMEOUT_SECONDS = 300;
  /** How Ignite says that a node named for the cluster's metadata has not joined. */
  private static final String NOT_JOINED = "is not present in the physical topology";
  private static final long INIT_RETRY_MILLIS = 500;
  /**
   * How long a started node waits to join before it starts again ({@link #startJoined}): longer than the nodes of a
   * cluster take to start together on two busy cores, so that only a node the others refuse starts again.
   */
  private static final long JOIN_PATIENCE_SECONDS = 150;
  /**
   * How long a graceful stop waits for its handovers, the metastorage's leadership and then the primaries ({@link
   * PrimaryHandover}): a Raft election, a lease's remaining two seconds at most, then two of the placement driver's
   * half-second rounds, with room for a loaded machine.
   */
  private static final Duration HANDOVER_PATIENCE = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(EmbeddedNode.class.getName());

  private final IgniteServer server;
  private final CutOffWatch cutOffWatch;
  private final Optional<DeadPeerProbe> deadPeerProbe;

  private EmbeddedNode(IgniteServer server, boolean probeDeadPeers) {
    this.server = server;
    this.cutOffWatch = CutOffWatch.start(server.api(), server.name());
    this.deadPeerProbe = probeDeadPeers
        ? IgniteMembership.of(server, Clock.systemUTC()).map(membership -> DeadPeerProbe.start(membership, server.name()))
        : Optional.empty();
  }

  public Ignite ignite() {
    return server.api();
  }

  public String name() {
    return server.name();
  }

  /**
   * Widens the node's Raft common executor for the groups of {@code zone} ({@link RaftCommonPool}); its size, or
   * nothing when this Ignite lacks the internals.
   */
  Optional<Integer> fitRaftPoolTo(ZoneSettings zone) {
    return RaftCommonPool.widen(server, zone.partitions(), zone.replicas());
  }

  /** The Ignite server itself, for the engine's code that reaches past its public API. */
  IgniteServer server() {
    return server;
  }

  /** The other members this node's dead peer probe watches; none when the probe is off. */
  List<DeadPeerProbe.Peer> probedPeers() {
    return deadPeerProbe.map(DeadPeerProbe::peers).orElse(List.of());
  }

  /** The other launches the dead peer probe could drop from this node's physical topology; none when it is off. */
  List<DeadPeerProbe.Peer> connectedPeers() {
    return deadPeerProbe.map(DeadPeerProbe::connected).orElse(List.of());
  }

  /**
   * Completes, with why, once the node has been cut off from a majority of its cluster for so long that the cluster
   * lets it in again only as a new launch ({@link CutOffWatch}): its process must be started again.
   */
  public CompletionStage<String> cutOff() {
    return cutOffWatch.cutOff();
  }

  /**
   * Starts the nodes and, when {@code initialize} names the nodes that keep the cluster's metadata (1, 3 or 5 of them,
   * all being started or already running), initializes a new cluster; returns when every node has joined. Every node
   * must wait for the initialization before one of them starts it: a node joins only while it waits, and an
   * initialization that finds a metadata node not yet waiting never completes. Each node starts and joins on a thread
   * of its own, the first one initializing.
   */
  public static List<EmbeddedNode> start(List<NodeSettings> nodes, List<String> initialize, String clusterName) {
    return start(nodes, initialize, clusterName, ClusterSettings.DEFAULT);
  }

  /** As {@link #start(List, List, String)}, a new cluster initialized with {@code cluster}. */
  public static List<EmbeddedNode> start(List<NodeSettings> nodes, List<String> initialize, String clusterName,
      ClusterSettings cluster) {
    Optional<InitParameters> parameters = initialize.isEmpty() ? Optional.empty() : Optional.of(InitParameters.builder()
        .clusterName(clusterName)
        .metaStorageNodeNames(initialize)
        .clusterConfiguration(cluster.configuration())
        .build());
    List<CompletableFuture<IgniteServer>> joining = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      NodeSettings node = nodes.get(n);
      Optional<InitParameters> initializes = n == 0 ? parameters : Optional.empty();
      joining.add(CompletableFuture.supplyAsync(() -> startJoined(node, initializes),
          runnable -> Thread.ofPlatform().name("ignite-start-" + node.name()).start(runnable)));
    }
    List<EmbeddedNode> started = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      started.add(new EmbeddedNode(await(joining.get(n), START_TIMEOUT_SECONDS + 60), nodes.get(n).probeDeadPeers()));
    }
    return started;
  }

  /**
   * Starts the node and waits until it has joined its cluster, initializing it first when {@code initialize} is given.
   * A node that has not joined after {@link #JOIN_PATIENCE_SECONDS}, or whose join failed, is stopped and started
   * again: while it started on a starved machine, the others may have declared it failed, and Ignite then refuses
   * every connection from that launch of the node ("is stale, node should be restarted so that other nodes can
   * connect") while the node itself waits for ever, or gives up joining when its request to the cluster's management
   * group times out ("Unable to start"). A new launch is let in. A launch whose partition storage cannot be read
   * ({@link UnreadableStorage}) is not started again: every launch on that data fails alike. Nor is one whose partition
   * files had a meta page failing its checksum before this launch or an earlier one that did not succeed ({@link
   * DamagedMetaPages}, {@link DamagedMetaPagesMark}).
   */
  private static IgniteServer startJoined(NodeSettings node, Optional<InitParameters> initialize) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    boolean initialized = initialize.isEmpty();
    // Ignite's REST server takes its address from a process-wide setting, read as each launch starts it.
    RestListenAddress.listenOn(node.host());
    // Marked before the launch rewrites the pages, so that a launch failing after it is explained at every start.
    DamagedMetaPagesMark mark = new DamagedMetaPagesMark(node.workDirectory());
    mark.add(DamagedMetaPages.in(node.workDirectory()));
    Optional<String> damagedMeta = mark.read();
    damagedMeta.ifPresent(files -> LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: the meta page of {1} failed "
        + "its checksum; aipersist opens such a partition empty and replays its Raft log into it, and if the launch "
        + "fails the storage is taken for unreadable", node.name(), files));
    while (true) {
      IgniteServer server = await(IgniteServer.startAsync(node.name(), writeConfiguration(node),
          node.workDirectory()), START_TIMEOUT_SECONDS);
      long patience = Math.min(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(JOIN_PATIENCE_SECONDS));
      long patienceEnds = System.nanoTime() + patience;
      String notJoined = "it has not joined its cluster within " + JOIN_PATIENCE_SECONDS + " s";
      Optional<Throwable> joinFailure = Optional.empty();
      try {
        CompletableFuture<Void> joined = server.waitForInitAsync();
        if (!initialized) {
          initialized = initialize(server, initialize.get(), patienceEnds);
        }
        if (initialized) {
          joinFailure = joinFailure(joined, patienceEnds);
          if (joinFailure.isEmpty()) {
            mark.remove();
            return server;
          }
          notJoined = joinFailure.get().getMessage();
        }
      } catch (RuntimeException e) {
        server.shutdown();
        throw e;
      }
      stopQuietly(server);
      if (joinFailure.isPresent() && UnreadableStorage.causedBy(joinFailure.get())) {
        // Every launch would fail the same way: what to do with the data is the caller's decision.
        throw new IllegalStateException("the Ignite node cannot read its partition storage: " + notJoined,
            joinFailure.get());
      }
      if (joinFailure.isPresent() && damagedMeta.isPresent()) {
        // The failure's cause does not say why (DamagedMetaPages); the pages are rewritten by now, so only the mark
        // still shows the damage.
        throw new IllegalStateException("the Ignite node cannot read its partition storage: "
            + UnreadableStorage.DAMAGED_META_PAGE + " in " + damagedMeta.get() + ", and its launch failed: "
            + notJoined, joinFailure.get());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("the Ignite node did not join its cluster within " + START_TIMEOUT_SECONDS
            + " s (are the seeds right, and was the cluster initialized?); last, " + notJoined,
            joinFailure.orElse(null));
      }
      LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: {1}; starting it again, as the other nodes refuse a "
          + "launch they declared failed", node.name(), notJoined);
    }
  }

  /** Stops a launch that did not join; one whose join failed may already have stopped, and refuse. */
  private static void stopQuietly(IgniteServer server) {
    try {
      server.shutdown();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "stopping a launch that did not join failed", e);
    }
  }

  /**
   * Initializes the cluster once every metadata node has joined. Ignite refuses an initialization that names a node it
   * does not see yet, and the nodes of a cluster are separate processes started in any order, so the refusal is
   * waited out (Ignite gives it no error code of its own: its message tells it apart), until {@code deadline}
   * ({@link System#nanoTime()}).
   *
   * @return whether the cluster was initialized; false when a node was still missing at the deadline
   */
  private static boolean initialize(IgniteServer server, InitParameters parameters, long deadline) {
    while (true) {
      try {
        await(server.initClusterAsync(parameters), START_TIMEOUT_SECONDS);
        return true;
      } catch (IllegalStateException e) {
        if (!notJoinedYet(e)) {
          throw e;
        }
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
      }
      try {
        Thread.sleep(INIT_RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the cluster's nodes to join", e);
      }
    }
  }

  /**
   * Waits until {@code joined} completes or {@code deadline} ({@link System#nanoTime()}) passes: nothing when the node
   * joined, else why not (the wait's end, or the join's failure).
   */
  private static Optional<Throwable> joinFailure(CompletableFuture<Void> joined, long deadline) {
    try {
      joined.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      return Optional.of(new TimeoutException("it has not joined its cluster within " + JOIN_PATIENCE_SECONDS
          + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Ignite node joined its cluster", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Optional.of(new IllegalStateException("its join failed: " + cause.getMessage(), cause));
    }
  }

  /**
   * Whether a failed initialization named a node that has not joined yet. Ignite reports it through its public
   * {@link org.apache.ignite.lang.ClusterInitFailureException} or, when its own check finds the node missing a moment
   * later, an internal exception carrying the same message, so only the message is matched.
   */
  private static boolean notJoinedYet(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains(NOT_JOINED)) {
        return true;
      }
    }
    return false;
  }

  private static Path writeConfiguration(NodeSettings node) {
    try {
      Files.createDirectories(node.workDirectory());
      Path file = node.workDirectory().resolve(CONFIGURATION_FILE);
      Files.writeString(file, node.configuration());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Ignite node's configuration in " + node.workDirectory(), e);
    }
  }

  private static <T> T await(CompletableFuture<T> future, long timeoutSeconds) {
    try {
      return future.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Ignite node started", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof IllegalStateException started ? started
          : new IllegalStateException("the Ignite node did not start: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the Ignite node did not start within " + timeoutSeconds + " s", e);
    }
  }

  /**
   * Stops the node gracefully: it hands the metastorage group's leadership ({@link MetastorageLeaderHandover}) and the
   * primary replicas it holds ({@link PrimaryHandover}) to other nodes first, and Ignite's other Raft leaders wake a
   * successor as they shut down.
   */
  @Override
  public void close() {
    deadPeerProbe.ifPresent(DeadPeerProbe::close);
    cutOffWatch.close();
    handOver();
    server.shutdown();
  }

  private void handOver() {
    try {
      IgniteImpl ignite = IgniteInternals.of(server);
      Deadline deadline = Deadline.after(HANDOVER_PATIENCE);
      new MetastorageLeaderHandover(ignite).run(deadline).ifPresent(next -> LOG.log(System.Logger.Level.INFO,
          "Ignite node {0}: the metastorage's leadership went to {1}", name(), next));
      PrimaryHandover.Outcome outcome = new PrimaryHandover(ignite).run(deadline);
      LOG.log(outcome.moved() < outcome.handed() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
          "Ignite node {0}: {1} of the {2} partitions it handed over have another primary after {3} ms; it stops",
          name(), outcome.moved(), outcome.handed(), outcome.took().toMillis());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: the handover before its stop failed, so its primary"
          + " replicas wait for their leases to expire", name(), e);
    }
  }
}
