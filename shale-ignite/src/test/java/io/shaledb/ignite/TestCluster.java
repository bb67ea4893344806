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

  private TestCluster(List<EmbeddedNode> nodes) {
    this.nodes = nodes;
  }

  /** Starts {@code size} nodes under {@code directory} and initializes them as a cluster, every node a metadata node. */
  static TestCluster start(int size, Path directory) {
    List<NodeSettings> settings = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
    List<String> seeds = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    for (int i = 0; i < size; i++) {
      settings.add(new NodeSettings("node" + i, "127.0.0.1", ports.get(i), seeds, freePort(), freePort(),
          directory.resolve("node" + i), true, 64L << 20));
    }
    return new TestCluster(EmbeddedNode.start(settings, settings.stream().map(NodeSettings::name).toList(), "test"));
  }

  EmbeddedNode node(int index) {
    return nodes.get(index);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    nodes.parallelStream().forEach(EmbeddedNode::close);
  }
}
