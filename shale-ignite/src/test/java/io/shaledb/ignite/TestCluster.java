package io.shaledb.ignite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Ignite nodes in the test's JVM, on free loopback ports, forming one new cluster. */
final class TestCluster implements AutoCloseable {
  private final List<EmbeddedNode> nodes;
  private final List<NodeSettings> settings;
  private final List<String> seeds;
  private final Path directory;

  private TestCluster(List<EmbeddedNode> nodes, List<NodeSettings> settings, List<String> seeds, Path directory) {
    this.nodes = new ArrayList<>(nodes);
    this.settings = new ArrayList<>(settings);
    this.seeds = seeds;
    this.directory = directory;
  }

  /** Starts {@code size} nodes under {@code directory} and initializes them as a cluster, every node a metadata node. */
  static TestCluster start(int size, Path directory) {
    return start(size, directory, NodeSettings.DEFAULT_CHECKPOINT_MILLIS);
  }

  /** As {@link #start(int, Path)}, every node's aipersist checkpointing every {@code checkpointMillis}. */
  static TestCluster start(int size, Path directory, int checkpointMillis) {
    List<NodeSettings> settings = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
    List<String> seeds = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    for (int i = 0; i < size; i++) {
      settings.add(new NodeSettings("node" + i, "127.0.0.1", ports.get(i), seeds, freePort(), freePort(),
          directory.resolve("node" + i), true, PartitionStorage.AIPERSIST, 64L << 20, checkpointMillis,
          FailureDetection.DEFAULT, true));
    }
    return new TestCluster(EmbeddedNode.start(settings, settings.stream().map(NodeSettings::name).toList(), "test"),
        settings, seeds, directory);
  }

  /** Starts one more node, which joins the running cluster through the first nodes' addresses; answers its index. */
  synchronized int addNode() {
    int index = nodes.size();
    NodeSettings added = new NodeSettings("node" + index, "127.0.0.1", freePort(), seeds, freePort(), freePort(),
        directory.resolve("node" + index), true, PartitionStorage.AIPERSIST,
        64L << 20, NodeSettings.DEFAULT_CHECKPOINT_MILLIS, FailureDetection.DEFAULT, true);
    nodes.addAll(EmbeddedNode.start(List.of(added), List.of(), "test"));
    settings.add(added);
    return index;
  }

  /**
   * Stops node {@code index} gracefully, runs {@code whileStopped} and starts it again with {@code relaunched}, its
   * settings for the new launch (the same name, ports and directory); returns when it has joined.
   */
  synchronized void restart(int index, NodeSettings relaunched, Runnable whileStopped) {
    nodes.get(index).close();
    whileStopped.run();
    nodes.set(index, EmbeddedNode.start(List.of(relaunched), List.of(), "test").get(0));
    settings.set(index, relaunched);
  }

  /** The addresses the first nodes listen on, which every node finds the cluster through. */
  List<String> seeds() {
    return seeds;
  }

  synchronized EmbeddedNode node(int index) {
    return nodes.get(index);
  }

  /** The settings node {@code index} was started with. */
  synchronized NodeSettings settings(int index) {
    return settings.get(index);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    nodes.parallelStream().forEach(EmbeddedNode::close);
  }
}
