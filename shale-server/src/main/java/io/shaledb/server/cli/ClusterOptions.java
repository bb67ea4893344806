package io.shaledb.server.cli;

import io.shaledb.core.storage.StorageEngineProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s options for running a node of a cluster ({@code --engine ignite}); each becomes one of the ignite
 * engine's options, so {@code --engine-option} can set them too.
 */
final class ClusterOptions {
  static final String ENGINE = "ignite";

  @Option(names = "--cluster-node-name", paramLabel = "NAME",
      description = "This node's name, unique in the cluster. Default: shale-0.")
  @Nullable String nodeName;

  @Option(names = "--cluster-port", paramLabel = "PORT",
      description = "The port the cluster's nodes talk to this node on. Default: 3344.")
  @Nullable Integer port;

  @Option(names = "--cluster-seed", paramLabel = "HOST:PORT", split = ",",
      description = "Nodes to find the cluster through (comma-separated or repeated); may include this node."
          + " Default: this node alone.")
  List<String> seeds = new ArrayList<>();

  @Option(names = "--cluster-init", paramLabel = "NAME", split = ",",
      description = "Initialise a new cluster whose metadata these nodes keep (1, 3 or 5 names, this node's among"
          + " them; all of them must be starting). Run it on one node, once; a node that already belongs to a"
          + " cluster ignores it.")
  List<String> init = new ArrayList<>();

  @Option(names = "--cluster-replicas", paramLabel = "N",
      description = "Copies of each partition, on different nodes; a majority must be up to write. Set when the"
          + " cluster's keyspace is created. Default: 3.")
  @Nullable Integer replicas;

  @Option(names = "--cluster-partitions", paramLabel = "N",
      description = "Partitions the keys are hashed into. Set when the cluster's keyspace is created. Default: 25.")
  @Nullable Integer partitions;

  /**
   * Whether the cluster engine is on the class path: the default server jar leaves Ignite out, and the cluster jar
   * (module shale-cluster) adds it.
   */
  static boolean engineOnClassPath() {
    return ServiceLoader.load(StorageEngineProvider.class).stream()
        .anyMatch(provider -> provider.get().name().equals(ENGINE));
  }

  boolean given() {
    return nodeName != null || port != null || !seeds.isEmpty() || !init.isEmpty() || replicas != null
        || partitions != null;
  }

  /** The engine options these stand for. */
  Map<String, String> engineOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    if (nodeName != null) {
      options.put("node-name", nodeName);
    }
    if (port != null) {
      options.put("port", port.toString());
    }
    if (!seeds.isEmpty()) {
      options.put("seeds", String.join(",", seeds));
    }
    if (!init.isEmpty()) {
      options.put("init", String.join(",", init));
    }
    if (replicas != null) {
      options.put("replicas", replicas.toString());
    }
    if (partitions != null) {
      options.put("partitions", partitions.toString());
    }
    return options;
  }
}
