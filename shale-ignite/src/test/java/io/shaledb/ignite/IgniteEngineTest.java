package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.ClusterStatus.NodeState;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.network.ClusterNode;
import org.apache.ignite.table.KeyValueView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine conformance suite on a one-node cluster, started once for the class; each test gets its own keyspace
 * (an Ignite table named after the test's directory), and reopening the engine reattaches to that keyspace. Slow:
 * the node takes seconds to start and each keyspace's tables about a second to create.
 */
@Tag("slow")
class IgniteEngineTest extends StorageEngineContract {
  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(1, clusterDirectory);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected StorageEngine open(Path directory) {
    return IgniteEngine.attach(cluster.node(0).ignite(), tableFor(directory), 1, 8);
  }

  /**
   * A fifth of the usual: Ignite settles lock conflicts by aborting a contender, whose commit runs again after a
   * pause, so every contended commit costs milliseconds; 4 writers of 40 to 60 commits still overlap throughout.
   */
  @Override
  protected int contendedCommits(int usual) {
    return usual / 5;
  }

  /**
   * A commit whose write waits for a lock that is never released fails as retriable once its call deadline passes,
   * and leaves no lock of its own: Ignite lets an older transaction wait for a younger holder without end (wait-die),
   * so a younger transaction takes the key's lock right after the commit's transaction began and before its write
   * asks for it, and holds it until the commit has failed.
   */
  @Test
  void commit_writeWaitingForAHeldLockPastTheDeadline_failsAsRetriableAndLeavesNoLock() {
    Ignite ignite = cluster.node(0).ignite();
    Keyspace keyspace = Keyspace.open(ignite, tableFor(directory), new ZoneSettings(1, 8),
        new CallDeadline(Duration.ofSeconds(1)));
    AtomicReference<org.apache.ignite.tx.Transaction> holder = new AtomicReference<>();
    Keyspace lockedByAYoungerTransaction = new Keyspace(ignite, keyspace.name(), beforeFirstWrite(keyspace.keys(),
        key -> {
          org.apache.ignite.tx.Transaction younger = ignite.transactions().begin();
          keyspace.keys().put(younger, key, b("held"));
          holder.set(younger);
        }), keyspace.stamps(), keyspace.calls());

    Transaction waiting = new IgniteTransaction(lockedByAYoungerTransaction);
    waiting.put(b("k"), b("v1"));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(waiting::commit)
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessage("the cluster did not complete a commit's write within 1000 ms"));

    holder.get().rollback();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Transaction later = new IgniteTransaction(keyspace);
      later.put(b("k"), b("v2"));
      later.commit();
    });
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(b("k"))).isEqualTo(b("v2"));
    }
  }

  /**
   * The status names the node active, a seed where something accepts connections but no node is connected unconnected,
   * and a seed where nothing does absent; the node's physical topology, read through its REST API, names the node.
   */
  @Test
  void clusterStatus_namesTheNodeActive_aListeningSeedUnconnected_andASilentSeedAbsent() throws IOException {
    Ignite ignite = cluster.node(0).ignite();
    ClusterNode self = ignite.cluster().localNode();
    String address = self.address().host() + ":" + self.address().port();
    assertThat(new PhysicalTopology(Duration.ofSeconds(30)).read(self))
        .contains(List.of(new TopologyMember("node0", address)));
    String silent;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      silent = "127.0.0.1:" + closed.getLocalPort();
    }
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String up = "127.0.0.1:" + listening.getLocalPort();

      ClusterStatus status = new ClusterStatusReader(ignite, tableFor(directory), List.of(address, up, silent)).read();

      assertThat(status.nodes()).containsExactly(new ClusterStatus.Node("node0", address, NodeState.ACTIVE),
          new ClusterStatus.Node(null, up, NodeState.UNCONNECTED),
          new ClusterStatus.Node(null, silent, NodeState.ABSENT));
    }
  }

  /**
   * The Raft common executor is found among this Ignite's internals and widened to a thread per replicator of the
   * zone's groups ({@link RaftCommonPool}); a later Ignite without them would leave it as it was, and this would fail.
   */
  @Test
  void fitRaftPool_onIgnite31_widensTheCommonExecutor() {
    assertThat(cluster.node(0).fitRaftPoolTo(new ZoneSettings(3, 8)))
        .contains(RaftCommonPool.threadsFor(8, 3, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The cluster is initialized with the settings' clock skew, which Ignite reads once from its cluster configuration:
   * a misspelt key there would leave Ignite's 500 ms in place without a word.
   */
  @Test
  void initialize_withDefaultSettings_givesIgnitesClockTheirSkew() {
    assertThat(IgniteInternals.of(cluster.node(0).server()).clockService().maxClockSkewMillis())
        .isEqualTo(ClusterSettings.DEFAULT.maxClockSkewMillis());
  }

  /**
   * Each port the node opens (cluster, client, REST) accepts connections on the node's host and on no other address of
   * this machine: Ignite's REST server alone would listen on every interface ({@link RestListenAddress}).
   */
  @Test
  void nodesPorts_acceptConnectionsOnItsHostOnly() throws IOException {
    List<InetAddress> others = NetworkInterface.networkInterfaces()
        .filter(IgniteEngineTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .toList();
    assumeTrue(!others.isEmpty(), "this machine has no address but loopback and link-local ones to try");
    NodeSettings node = cluster.settings(0);
    InetAddress host = InetAddress.getByName(node.host());

    for (int port : List.of(node.port(), node.clientPort(), node.restPort())) {
      assertThat(accepts(host, port)).as("port %d on %s", port, host).isTrue();
      for (InetAddress other : others) {
        assertThat(accepts(other, port)).as("port %d on %s", port, other).isFalse();
      }
    }
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean accepts(InetAddress address, int port) {
    return AddressProbe.answer(new InetSocketAddress(address, port), Duration.ofSeconds(2))
        == AddressProbe.Answer.ACCEPTED;
  }

  /** {@code keys}, calling {@code hook} with the key of the first getAndPut before making it. */
  @SuppressWarnings("unchecked")
  private static KeyValueView<byte[], byte[]> beforeFirstWrite(KeyValueView<byte[], byte[]> keys,
      Consumer<byte[]> hook) {
    AtomicBoolean hooked = new AtomicBoolean();
    return (KeyValueView<byte[], byte[]>) Proxy.newProxyInstance(KeyValueView.class.getClassLoader(),
        new Class<?>[] {KeyValueView.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("getAndPutAsync") && hooked.compareAndSet(false, true)) {
            hook.accept((byte[]) arguments[1]);
          }
          try {
            return method.invoke(keys, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  static String tableFor(Path directory) {
    return "T" + HexFormat.of().withUpperCase().toHexDigits(directory.toAbsolutePath().toString().hashCode());
  }
}
