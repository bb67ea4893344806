package io.shaledb.ignite;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Provides the clustered engine under the name {@code ignite}: it starts an Ignite node in this process, in the data
 * directory, joins the cluster through the seeds and opens the keyspace. Its engine options:
 *
 * <ul>
 *   <li>{@code node-name}: the node's name, unique in the cluster (default {@code shale-0});
 *   <li>{@code host}, {@code port}: where the node listens for the others (default 127.0.0.1:3344);
 *   <li>{@code seeds}: comma-separated {@code host:port} of nodes to join through (default this node);
 *   <li>{@code init}: comma-separated names of the nodes that keep the cluster's metadata (1, 3 or 5): this node then
 *       initializes a new cluster, once; a node whose data directory already holds a cluster ignores it;
 *   <li>{@code replicas}, {@code partitions}: copies of each partition and partitions of the keyspace (default 3 and
 *       25), set when the keyspace is first created;
 *   <li>{@code client-port}, {@code rest-port}: ports Ignite opens for its own clients (default 10800 and 10300), on
 *       {@code host} as well ({@link RestListenAddress});
 *   <li>{@code partition-storage}: the Ignite storage engine of the node's partitions, {@code aipersist} or {@code
 *       rocksdb} (default aipersist), which a node keeps for the life of its data directory;
 *   <li>{@code page-memory}: the node's data cache (default 256m);
 *   <li>{@code checkpoint-interval}: milliseconds between two aipersist checkpoints (default Ignite's 180000): a node
 *       that restarts replays its partitions' Raft logs from the last one;
 *   <li>{@code failure-ping-interval}, {@code suspicion-multiplier}: how often the node pings the others (ms) and after
 *       how many rounds without an answer (times ceil(log2 nodes)) it declares one failed (default 500 and 4: {@link
 *       FailureDetection});
 *   <li>{@code call-timeout}: milliseconds the engine waits for one Ignite call of a request before the request fails
 *       as retriable and its Ignite transaction is rolled back (default 10000: {@link CallDeadline#DEFAULT});
 *   <li>{@code replication-timeout}: milliseconds a request to a replica waits before it fails, from 1000 (default
 *       3000: {@link ClusterSettings}), set when this node initializes a new cluster;
 *   <li>{@code max-clock-skew}: milliseconds the nodes' clocks may differ by (default 100: {@link ClusterSettings}),
 *       set when this node initializes a new cluster;
 *   <li>{@code rebuild-unreadable}: {@code true} (the default) or {@code false}: whether a node whose partition
 *       storage cannot be read moves its data aside and starts again empty, to receive its replicas from the others,
 *       when every other node of its seeds answers ({@link UnreadableStorage});
 *   <li>{@code dead-peer-probe}: {@code true} (the default) or {@code false}: whether the node takes another node whose
 *       cluster port refuses connections (its process is gone) out of the logical topology at once ({@link
 *       DeadPeerProbe});
 *   <li>{@code rebuild-broken}: {@code true} (the default) or {@code false}: whether the node drops a replica of its
 *       own that stays broken (its Raft state machine failed, as when its log replay meets a damaged page) and
 *       receives the partition again from the others, when they hold a healthy majority of its copies ({@link
 *       BrokenReplicaWatch}).
 * </ul>
 */
public final class IgniteEngineProvider implements StorageEngineProvider {
  private static final Set<String> OPTIONS = Set.of("node-name", "host", "port", "seeds", "init", "replicas",
      "partitions", "client-port", "rest-port", "partition-storage", "page-memory", "checkpoint-interval",
      "failure-ping-interval", "suspicion-multiplier", "call-timeout", "rebuild-unreadable", "replication-timeout",
      "max-clock-skew", "dead-peer-probe", "rebuild-broken");
  /** How long another node may take to accept a connection when a node decides to rebuild its unreadable data. */
  private static final Duration PEER_PATIENCE = Duration.ofSeconds(2);
  private static final System.Logger LOG = System.getLogger(IgniteEngineProvider.class.getName());
  /** The keyspace's table: one per cluster, holding every ShaleDB table's keys. */
  static final String TABLE = "SHALE_KV";

  @Override
  public String name() {
    return "ignite";
  }

  @Override
  public StorageEngine open(EngineOptions options) {
    options.requireKnownTuning(name(), OPTIONS);
    Path directory = options.dataDirectory();
    if (directory == null) {
      throw new IllegalArgumentException("the ignite engine needs a data directory for its node");
    }
    String host = options.tuning().getOrDefault("host", "127.0.0.1");
    int port = options.count("port", 65_535, 3344);
    List<String> seeds = list(options.tuning().getOrDefault("seeds", host + ":" + port));
    NodeSettings node = new NodeSettings(options.tuning().getOrDefault("node-name", "shale-0"), host, port, seeds,
        options.count("client-port", 65_535, 10_800), options.count("rest-port", 65_535, 10_300),
        directory.resolve("ignite"), options.durability() == Durability.FSYNC,
        PartitionStorage.named(options.tuning().getOrDefault("partition-storage", "aipersist")),
        options.bytes("page-memory", 256L << 20),
        options.count("checkpoint-interval", 3_600_000, NodeSettings.DEFAULT_CHECKPOINT_MILLIS),
        new FailureDetection(options.count("failure-ping-interval", 60_000,
            FailureDetection.DEFAULT.pingIntervalMillis()), options.count("suspicion-multiplier", 10,
            FailureDetection.DEFAULT.suspicionMultiplier())), flag(options, "dead-peer-probe"));
    ZoneSettings zone = new ZoneSettings(options.count("replicas", 7, 3), options.count("partitions", 1024, 25));
    boolean holdsCluster = holdsCluster(node.workDirectory());
    if (holdsCluster) {
      requireSameStorage(node);
    }
    List<String> initialize = holdsCluster ? List.of() : list(options.tuning().getOrDefault("init", ""));
    ClusterSettings cluster = new ClusterSettings(options.count("replication-timeout", 600_000,
        ClusterSettings.DEFAULT.replicationTimeoutMillis()), options.count("max-clock-skew", 60_000,
        ClusterSettings.DEFAULT.maxClockSkewMillis()));
    CallDeadline calls = new CallDeadline(Duration.ofMillis(options.count("call-timeout", 600_000,
        (int) CallDeadline.DEFAULT.timeout().toMillis())));
    boolean rebuildBroken = flag(options, "rebuild-broken");
    EmbeddedNode started = start(node, zone, initialize, cluster, flag(options, "rebuild-unreadable"));
    started.fitRaftPoolTo(zone);
    AutoCloseable owned = started;
    if (rebuildBroken) {
      BrokenReplicaWatch watch = BrokenReplicaWatch.start(started.ignite(), started.name());
      owned = () -> {
        watch.close();
        started.close();
      };
    }
    return IgniteEngine.owning(owned, started.cutOff(), started.ignite(), TABLE, zone, seeds, calls);
  }

  /**
   * Starts the node; one whose partition storage cannot be read starts again on an empty directory when it may rebuild
   * its data from the others ({@link UnreadableStorage}), and fails as before otherwise, for an operator.
   */
  private static EmbeddedNode start(NodeSettings node, ZoneSettings zone, List<String> initialize,
      ClusterSettings cluster, boolean rebuildUnreadable) {
    try {
      return EmbeddedNode.start(List.of(node), initialize, "shaledb", cluster).get(0);
    } catch (IllegalStateException e) {
      if (!UnreadableStorage.causedBy(e)) {
        throw e;
      }
      String self = node.host() + ":" + node.port();
      UnreadableStorage unreadable = new UnreadableStorage(node.workDirectory(), zone.replicas(),
          node.seeds().stream().filter(seed -> !seed.equals(self)).toList(), PEER_PATIENCE);
      Optional<String> refusal = rebuildUnreadable ? unreadable.refusal()
          : Optional.of("the engine option rebuild-unreadable is false");
      if (refusal.isPresent()) {
        throw new IllegalStateException("node " + node.name() + " cannot read its partition storage, and does not "
            + "rebuild it by itself: " + refusal.get() + " (docs/cluster.md, \"Replacing a node's data\")", e);
      }
      Path aside = unreadable.moveAside();
      LOG.log(System.Logger.Level.WARNING, "Ignite node {0} cannot read its partition storage ({1}); its data is "
          + "moved aside to {2}, and it starts again on an empty directory to receive its replicas from the others",
          node.name(), e.getMessage(), aside);
      // Never initializing: the empty directory belongs to a node of the running cluster.
      return EmbeddedNode.start(List.of(node), List.of(), "shaledb").get(0);
    }
  }

  /** An option that is {@code true} (its default) or {@code false}. */
  private static boolean flag(EngineOptions options, String name) {
    String value = options.tuning().getOrDefault(name, "true").strip();
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " is true or false, got '" + value + "'");
    };
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Refuses a partition storage other than the one the node's earlier launches kept its partitions in (named in the
   * configuration they left): Ignite would open an empty storage of the other engine and ignore the node's data.
   */
  private static void requireSameStorage(NodeSettings node) {
    Path configuration = node.workDirectory().resolve(EmbeddedNode.CONFIGURATION_FILE);
    if (!Files.isRegularFile(configuration)) {
      return;
    }
    try {
      PartitionStorage.namedIn(Files.readString(configuration)).filter(used -> used != node.storage())
          .ifPresent(used -> {
            throw new IllegalArgumentException("the node in " + node.workDirectory() + " keeps its partitions in "
                + used.engineName() + " storage: start it with --engine-option partition-storage="
                + used.engineName() + " (partition-storage " + node.storage().engineName() + " would leave them"
                + " unread)");
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + configuration, e);
    }
  }

  private static boolean holdsCluster(Path workDirectory) {
    if (!Files.isDirectory(workDirectory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(workDirectory)) {
      return entries.anyMatch(entry -> !entry.getFileName().toString().equals(EmbeddedNode.CONFIGURATION_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + workDirectory, e);
    }
  }
}
