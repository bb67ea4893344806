package io.shaledb.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A private network for a cluster's nodes on this machine: each node gets a network namespace of its own, joined to
 * the others through a bridge in one more namespace, and an address {@code 10.77.0.(n+1)} there. Nothing is added to
 * the machine's own network namespace. Cutting the link between two nodes adds a blackhole route to each for the
 * other, so their packets are dropped silently, as a partition drops them: connections hang rather than fail.
 *
 * <p>Needs {@code ip} from iproute2 and the right to create namespaces (root, or CAP_SYS_ADMIN and CAP_NET_ADMIN).
 */
final class NodeNetwork implements AutoCloseable {
  private static final String PREFIX = "shalej-";
  private static final String BRIDGE = "br0";

  private final String name;
  private final int nodes;
  private final Set<List<Integer>> cut = new HashSet<>();

  private NodeNetwork(String name, int nodes) {
    this.name = name;
    this.nodes = nodes;
  }

  /** Whether this machine lets the test create network namespaces. */
  static boolean available() {
    String probe = PREFIX + ProcessHandle.current().pid() + "-probe";
    try {
      run("ip", "netns", "add", probe);
      run("ip", "netns", "delete", probe);
      return true;
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  /** Namespaces for {@code nodes} nodes, after removing those a killed earlier run of this test left behind. */
  static NodeNetwork create(int nodes) throws IOException {
    removeAbandoned();
    NodeNetwork network = new NodeNetwork(PREFIX + ProcessHandle.current().pid(), nodes);
    String hub = network.name + "-hub";
    run("ip", "netns", "add", hub);
    run("ip", "-n", hub, "link", "add", BRIDGE, "type", "bridge");
    run("ip", "-n", hub, "link", "set", BRIDGE, "up");
    for (int n = 0; n < nodes; n++) {
      String namespace = network.namespace(n);
      run("ip", "netns", "add", namespace);
      run("ip", "-n", namespace, "link", "set", "lo", "up");
      run("ip", "-n", hub, "link", "add", "to" + n, "type", "veth", "peer", "name", "eth0", "netns", namespace);
      run("ip", "-n", hub, "link", "set", "to" + n, "master", BRIDGE, "up");
      run("ip", "-n", namespace, "addr", "add", network.address(n) + "/24", "dev", "eth0");
      run("ip", "-n", namespace, "link", "set", "eth0", "up");
    }
    return network;
  }

  String namespace(int node) {
    return name + "-n" + node;
  }

  /** The node's address on the private network. */
  String address(int node) {
    return "10.77.0." + (node + 1);
  }

  /** {@code command} run inside the node's namespace. */
  List<String> inNamespace(int node, List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace(node)));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Drops every packet between {@code a} and {@code b}, both ways. */
  synchronized void cut(int a, int b) throws IOException {
    if (cut.add(List.of(Math.min(a, b), Math.max(a, b)))) {
      run("ip", "-n", namespace(a), "route", "add", "blackhole", address(b) + "/32");
      run("ip", "-n", namespace(b), "route", "add", "blackhole", address(a) + "/32");
    }
  }

  /** Cuts every link between a node in {@code side} and a node outside it. */
  void isolate(Set<Integer> side) throws IOException {
    for (int a : side) {
      for (int b = 0; b < nodes; b++) {
        if (!side.contains(b)) {
          cut(a, b);
        }
      }
    }
  }

  /** Restores every link. */
  synchronized void heal() throws IOException {
    for (List<Integer> link : cut) {
      run("ip", "-n", namespace(link.get(0)), "route", "delete", "blackhole", address(link.get(1)) + "/32");
      run("ip", "-n", namespace(link.get(1)), "route", "delete", "blackhole", address(link.get(0)) + "/32");
    }
    cut.clear();
  }

  @Override
  public void close() throws IOException {
    for (int n = 0; n < nodes; n++) {
      run("ip", "netns", "delete", namespace(n));
    }
    run("ip", "netns", "delete", name + "-hub");
  }

  /** Deletes namespaces of this test whose process is gone (it was killed before it could clean up). */
  private static void removeAbandoned() throws IOException {
    for (String line : run("ip", "netns", "list")) {
      String namespace = line.split(" ")[0];
      if (namespace.startsWith(PREFIX)) {
        String pid = namespace.substring(PREFIX.length()).split("-")[0];
        boolean alive = pid.chars().allMatch(Character::isDigit)
            && ProcessHandle.of(Long.parseLong(pid)).isPresent();
        if (!alive) {
          run("ip", "netns", "delete", namespace);
        }
      }
    }
  }

  private static List<String> run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return output.lines().toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
