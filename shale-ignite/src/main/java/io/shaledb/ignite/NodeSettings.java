package io.shaledb.ignite;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One embedded Ignite node's settings.
 *
 * @param name the node's name, unique in the cluster
 * @param host the address the node listens on and announces to the others
 * @param port the node's cluster port (Ignite's node-to-node protocol)
 * @param seeds {@code host:port} of nodes to find the cluster through; may include this node
 * @param clientPort Ignite's thin-client port, which ShaleDB does not use but Ignite always opens
 * @param restPort Ignite's REST port, likewise
 * @param workDirectory where the node keeps its Raft logs, partitions and cluster state
 * @param fsync whether Raft syncs its log to disk before acknowledging a write
 * @param storage the engine that keeps the node's partitions
 * @param cacheBytes the node's cache of its data: page memory (aipersist) or block cache (rocksdb)
 * @param checkpointMillis how often aipersist writes its dirty pages to disk (Ignite's default: 180,000 ms)
 * @param failureDetection how soon the node declares another one failed
 * @param probeDeadPeers whether the node takes a peer whose cluster port refuses connections out of the logical
 *     topology at once ({@link DeadPeerProbe}) rather than waiting for the failure detection
 */
public record NodeSettings(String name, String host, int port, List<String> seeds, int clientPort, int restPort,
    Path workDirectory, boolean fsync, PartitionStorage storage, long cacheBytes, int checkpointMillis,
    FailureDetection failureDetection, boolean probeDeadPeers) {

  /** Ignite's own interval between two aipersist checkpoints. */
  public static final int DEFAULT_CHECKPOINT_MILLIS = 180_000;

  public NodeSettings {
    seeds = List.copyOf(seeds);
  }

  /** Ignite's node configuration (HOCON). */
  String configuration() {
    return """
        ignite {
          network {
            port: %d
            listenAddresses: ["%s"]
            nodeFinder.netClusterNodes: [%s]
            membership { failurePingIntervalMillis: %d, scaleCube.membershipSuspicionMultiplier: %d }
          }
          clientConnector { port: %d, listenAddresses: ["%s"] }
          rest.port: %d
          raft.fsync: %b
          storage {
            engines.aipersist.checkpoint.intervalMillis: %d
            profiles: [{ name: default, engine: %s, sizeBytes: %d }]
          }
        }
        """.formatted(port, host, seeds.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")),
        failureDetection.pingIntervalMillis(), failureDetection.suspicionMultiplier(), clientPort, host, restPort,
        fsync, checkpointMillis, storage.engineName(), cacheBytes);
  }
}
