package io.shaledb.ignite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteServer;
import org.apache.ignite.InitParameters;

/** An Apache Ignite node running in this process, joined to its cluster. */
public final class EmbeddedNode implements AutoCloseable {
  /**
   * The cluster-wide settings a new cluster starts with. Range reads (SQL) wait for a partition's safe time, which an
   * idle partition advances only at this tick (250 ms by default, so every Query would take a quarter second); a
   * replica that does not answer fails a request after three seconds instead of a minute; schema changes, which
   * happen only when an engine first creates its tables, wait 100 ms for clocks to agree instead of 500.
   */
  static final String CLUSTER_CONFIGURATION = "ignite { system.idleSafeTimeSyncIntervalMillis: 10, "
      + "replication.rpcTimeoutMillis: 3000, schemaSync.delayDurationMillis: 100 }";
  private static final long START_TIMEOUT_SECONDS = 300;
  /** How Ignite says that a node named for the cluster's metadata has not joined. */
  private static final String NOT_JOINED = "is not present in the physical topology";
  private static final long INIT_RETRY_MILLIS = 500;

  private final IgniteServer server;

  private EmbeddedNode(IgniteServer server) {
    this.server = server;
  }

  public Ignite ignite() {
    return server.api();
  }

  public String name() {
    return server.name();
  }

  /**
   * Starts the nodes and, when {@code initialize} names the nodes that keep the cluster's metadata (1, 3 or 5 of them,
   * all being started or already running), initializes a new cluster; returns when every node has joined. Every node
   * must wait for the initialization before one of them starts it: a node joins only while it waits, and an
   * initialization that finds a metadata node not yet waiting never completes.
   */
  public static List<EmbeddedNode> start(List<NodeSettings> nodes, List<String> initialize, String clusterName) {
    List<CompletableFuture<IgniteServer>> starting = new ArrayList<>();
    for (NodeSettings node : nodes) {
      starting.add(IgniteServer.startAsync(node.name(), writeConfiguration(node), node.workDirectory()));
    }
    List<IgniteServer> servers = new ArrayList<>();
    for (CompletableFuture<IgniteServer> future : starting) {
      servers.add(await(future));
    }
    List<CompletableFuture<Void>> joined = new ArrayList<>();
    for (IgniteServer server : servers) {
      joined.add(server.waitForInitAsync());
    }
    if (!initialize.isEmpty()) {
      initialize(servers.get(0), InitParameters.builder()
          .clusterName(clusterName)
          .metaStorageNodeNames(initialize)
          .clusterConfiguration(CLUSTER_CONFIGURATION)
          .build());
    }
    joined.forEach(EmbeddedNode::await);
    return servers.stream().map(EmbeddedNode::new).toList();
  }

  /**
   * Initializes the cluster once every metadata node has joined. Ignite refuses an initialization that names a node it
   * does not see yet, and the nodes of a cluster are separate processes started in any order, so the refusal is
   * waited out (Ignite gives it no error code of its own: its message tells it apart).
   */
  private static void initialize(IgniteServer server, InitParameters parameters) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (true) {
      try {
        await(server.initClusterAsync(parameters));
        return;
      } catch (IllegalStateException e) {
        if (!notJoinedYet(e) || System.nanoTime() - deadline > 0) {
          throw e;
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
      Path file = node.workDirectory().resolve("ignite-config.conf");
      Files.writeString(file, node.configuration());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Ignite node's configuration in " + node.workDirectory(), e);
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Ignite node started", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("the Ignite node did not start: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the Ignite node did not join its cluster within " + START_TIMEOUT_SECONDS
          + " s (are the seeds right, and was the cluster initialized?)", e);
    }
  }

  /** Stops the node gracefully: Ignite hands the leadership of its partitions to other replicas first. */
  @Override
  public void close() {
    server.shutdown();
  }
}
