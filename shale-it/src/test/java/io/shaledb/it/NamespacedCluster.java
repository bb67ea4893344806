package io.shaledb.it;

import io.shaledb.server.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Three server processes on the ignite engine, each in a network namespace of its own ({@link NodeNetwork}), which
 * the test can kill, start again and partition from each other. The test reaches each node's API through a {@link
 * SocketRelay}, so partitions cut only the nodes' links to one another.
 */
final class NamespacedCluster implements AutoCloseable {
  /** Every node has its own network, so all use the same ports. */
  private static final int API_PORT = 8000;
  private static final int CLUSTER_PORT = 3344;
  /**
   * Three Ignite nodes starting together on two busy cores take minutes at worst; so does a rejoining one. A node
   * gives itself five minutes to join, starting again inside them if the others refused it (EmbeddedNode), after its
   * JVM took a minute or two to get there: waiting less would give up on a node that is about to join.
   */
  private static final Duration START = Duration.ofMinutes(8);
  private static final int START_ATTEMPTS = 5;
  private static final Duration RELAY_START = Duration.ofSeconds(60);
  /**
   * How long a node may take to stop gracefully: its handovers (at most 5 s) and Ignite's own stop, with room for a
   * loaded machine.
   */
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);
  /** Longest a workload request may take; it then counts as indeterminate. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  /** What Ignite's placement driver logs, followed by "starting" or "stopping", on the metastorage group's leader. */
  private static final String PLACEMENT_DRIVER = "Placement driver active actor is ";
  private static final String PLACEMENT_DRIVER_LOGGER = "org.apache.ignite.internal.placementdriver.LeaseUpdater";

  private final NodeNetwork network;
  private final Path directory;
  /** Where this start's nodes keep their data. */
  private Path data;
  private final int size;
  /** Engine options every node of this cluster gets, besides those of {@code -Djepsen.engineOptions}. */
  private final List<String> engineOptions;
  private final List<Slot> slots = new ArrayList<>();
  /** Every process a node ran in, in start order, with what it printed, for the report. */
  private final List<NodeLog> logs = new ArrayList<>();
  private final List<Process> relaysInside = new ArrayList<>();
  private final List<SocketRelay> relays = new ArrayList<>();

  /** Where {@link #close()} writes what each node process printed. */
  private final Path logDirectory;
  /** Told of every node started again because its process exited by itself. */
  private volatile SelfRestarts selfRestarts = (node, exitCode, serving) -> {};
  private volatile boolean closed;

  private NamespacedCluster(NodeNetwork network, Path directory, int size, Path logDirectory,
      List<String> engineOptions) {
    this.network = network;
    this.directory = directory;
    this.data = directory;
    this.size = size;
    this.logDirectory = logDirectory;
    this.engineOptions = List.copyOf(engineOptions);
  }

  /**
   * Starts {@code size} nodes with their data under {@code directory}, node 0 initializing the cluster. On two busy
   * cores the tightened failure detection can declare a starting node dead before it has joined, and Ignite then
   * refuses it until it restarts: such a start is thrown away and made again on empty directories, a few times.
   * What every node process printed, those of failed starts included, goes to {@code logDirectory} on close.
   */
  static NamespacedCluster start(Path directory, int size, Path logDirectory) throws IOException {
    return start(directory, size, logDirectory, List.of());
  }

  /** As {@link #start(Path, int, Path)}, each node also given {@code engineOptions} ({@code name=value}). */
  static NamespacedCluster start(Path directory, int size, Path logDirectory, List<String> engineOptions)
      throws IOException {
    NamespacedCluster cluster = new NamespacedCluster(NodeNetwork.create(size), directory, size, logDirectory,
        engineOptions);
    try {
      for (int attempt = 1; cluster.slots.isEmpty(); attempt++) {
        try {
          cluster.startNodes(directory.resolve("start-" + attempt));
        } catch (RuntimeException e) {
          if (attempt == START_ATTEMPTS) {
            throw e;
          }
          System.out.println("NamespacedCluster: start " + attempt + " failed, starting again: " + e.getMessage()
              .lines().filter(line -> line.contains("ERROR")).findFirst().orElse(""));
        }
      }
      for (int n = 0; n < size; n++) {
        cluster.startRelay(n);
      }
      return cluster;
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e;
    }
  }

  private void startNodes(Path data) {
    this.data = data;
    List<Slot> starting = IntStream.range(0, size).mapToObj(n -> new Slot()).toList();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (int n = 0; n < size; n++) {
      int node = n;
      // Every node must be up before the one that initializes the cluster can finish: they start together.
      started.add(CompletableFuture.runAsync(() -> launch(node, starting.get(node), node == 0),
          runnable -> Thread.ofVirtual().start(runnable)));
    }
    // One node that gave up dooms the start: the others would wait for the cluster for minutes.
    started.forEach(future -> future.whenComplete((ignored, failure) -> {
      if (failure != null) {
        starting.forEach(Slot::kill);
      }
    }));
    RuntimeException failed = null;
    for (CompletableFuture<Void> future : started) {
      try {
        future.join();
      } catch (RuntimeException e) {
        failed = e;
      }
    }
    if (failed != null) {
      starting.forEach(Slot::kill);
      throw failed;
    }
    slots.addAll(starting);
  }

  NodeNetwork network() {
    return network;
  }

  int size() {
    return size;
  }

  /** SIGKILL of the node's process, whether it serves or is still starting (its restart then fails). */
  void kill(int node) {
    slot(node).kill();
  }

  /**
   * SIGTERM of the node's process, which stops gracefully; SIGKILL if it still runs after {@link #GRACEFUL_STOP}.
   * Returns once it has exited.
   */
  void stop(int node) {
    slot(node).stop();
  }

  /**
   * Moves the node's data directory aside, to {@code nN.aside}, as an operator does with a node that cannot reopen
   * its data: the node's next start is on an empty directory. The node must be down.
   */
  Path moveDataAside(int node) throws IOException {
    Slot slot = slot(node);
    synchronized (slot) {
      if (slot.launched != null && slot.launched.isAlive()) {
        throw new IllegalStateException("n" + node + " still runs");
      }
    }
    return Files.move(data.resolve("n" + node), data.resolve("n" + node + ".aside"));
  }

  /** The node's data directory ({@code --data-dir}). */
  Path dataDirectory(int node) {
    return data.resolve("n" + node);
  }

  /** Where the test reaches the node's API. */
  URI endpoint(int node) {
    return URI.create("http://127.0.0.1:" + relays.get(node).port());
  }

  /**
   * Starts the node again on its data directory, unless it runs or is starting already; the future completes once it
   * serves requests, or fails with what it printed if it exited first. A slow rejoin holds up only whoever waits.
   */
  CompletableFuture<Void> restart(int node) {
    Slot slot = slot(node);
    synchronized (slot) {
      if (slot.starting.isDone() && !slot.launched.isAlive()) {
        slot.starting = CompletableFuture.runAsync(() -> launch(node, slot, false),
            runnable -> Thread.ofVirtual().start(runnable));
      }
      return slot.starting;
    }
  }

  /**
   * The node whose current process last took the metastorage group's leadership and has not given it up, as its log
   * says (Ignite's placement driver runs on that group's leader and logs its start and stop at info, which {@link
   * #nodeJvm()} asks for); empty when no node's log says so.
   */
  OptionalInt metastorageLeader() {
    Map<Integer, String> latest = new HashMap<>();
    synchronized (logs) {
      for (NodeLog log : logs) {
        int node = Integer.parseInt(log.name().substring(1, log.name().indexOf('-')));
        // Logs are in launch order, so a node's later process replaces what its earlier one said.
        latest.remove(node);
        log.lines().get().stream().filter(line -> line.contains(PLACEMENT_DRIVER)).reduce((a, b) -> b)
            .ifPresent(line -> latest.put(node, line));
      }
    }
    return latest.entrySet().stream().filter(entry -> entry.getValue().contains(PLACEMENT_DRIVER + "starting"))
        .max(Map.Entry.comparingByValue()).map(entry -> OptionalInt.of(entry.getKey())).orElse(OptionalInt.empty());
  }

  /** Tells {@code listener} of every node started again because its process exited by itself. */
  void onSelfRestart(SelfRestarts listener) {
    selfRestarts = listener;
  }

  /**
   * Starts the node again when its process exits by itself, as systemd or Kubernetes would: with {@link
   * Main#EXIT_RESTART} when it was cut off from its cluster for so long that the cluster refuses that launch, or with
   * another code when its start failed (a keyspace's SQL timing out on a starved machine). A process the test ended
   * stays down until the test starts it.
   */
  private void supervise(int node, Slot slot, Process process) {
    process.onExit().thenAccept(exited -> {
      if (slot.endedByTest(exited) || closed) {
        return;
      }
      synchronized (slots) {
        if (!slots.contains(slot)) {
          return; // a node of a start that failed: that start is made again as a whole
        }
      }
      CompletableFuture<Void> underWay;
      synchronized (slot) {
        underWay = slot.starting;
      }
      // A process that exited before it listened fails its start first; the new launch follows that.
      underWay.handle((ignored, failure) -> null).thenRun(() -> selfRestarts.restarting(node, exited.exitValue(), restart(node)));
    });
  }

  private Slot slot(int node) {
    synchronized (slots) {
      return slots.get(node);
    }
  }

  /** Writes what each node process printed to the log directory, one file a process ({@code n1-2.log}). */
  private void writeLogs() throws IOException {
    Files.createDirectories(logDirectory);
    List<NodeLog> all;
    synchronized (logs) {
      all = List.copyOf(logs);
    }
    for (NodeLog log : all) {
      Files.write(logDirectory.resolve(log.name() + ".log"), log.lines().get(), StandardCharsets.UTF_8);
    }
  }

  /** A client of the node for workloads: it never retries, so that every request is one operation of the history. */
  DynamoDbClient client(int node) {
    return builder(node).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
        .apiCallTimeout(CALL_TIMEOUT)).build();
  }

  /** A client of the node that retries as the SDK does, for setting up and reading the final state. */
  DynamoDbClient patientClient(int node) {
    return builder(node).overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30))).build();
  }

  private DynamoDbClientBuilder builder(int node) {
    return DynamoDbClient.builder().endpointOverride(endpoint(node))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(CALL_TIMEOUT).build());
  }

  /** Starts a process for the node and returns once it serves requests; it is the slot's process from its launch. */
  private void launch(int node, Slot slot, boolean initialize) {
    List<String> command = new ArrayList<>(nodeJvm());
    String seeds = String.join(",", IntStream.range(0, size).mapToObj(n -> network.address(n) + ":" + CLUSTER_PORT)
        .toList());
    command.addAll(List.of("serve", "--engine", "ignite", "--port", Integer.toString(API_PORT),
        "--exit-with-parent", "--data-dir", data.resolve("n" + node).toString(), "--cluster-node-name",
        "n" + node, "--cluster-port", Integer.toString(CLUSTER_PORT), "--cluster-seed", seeds,
        "--cluster-partitions", "8", "--engine-option", "host=" + network.address(node), "--engine-option",
        "page-memory=64m"));
    // -Djepsen.engineOptions=partition-storage=rocksdb,...: engine options of every node, to run a schedule on them.
    Stream.concat(engineOptions.stream(), Arrays.stream(System.getProperty("jepsen.engineOptions", "").split(",")))
        .map(String::trim).filter(option -> !option.isEmpty())
        .forEach(option -> command.addAll(List.of("--engine-option", option)));
    if (initialize) {
      command.addAll(List.of("--cluster-init", String.join(",", IntStream.range(0, size).mapToObj(n -> "n" + n)
          .toList())));
    }
    String name;
    synchronized (logs) {
      name = "n" + node + "-" + logs.stream().filter(log -> log.name().startsWith("n" + node + "-")).count();
    }
    try {
      ServerProcess process = ServerProcess.start(new ProcessBuilder(network.inNamespace(node, command)), START,
          launched -> {
            slot.launched(launched);
            supervise(node, slot, launched);
          });
      synchronized (logs) {
        logs.add(new NodeLog(name, process::output, process));
      }
    } catch (IOException e) {
      synchronized (logs) {
        logs.add(new NodeLog(name, () -> e.getMessage().lines().toList(), null));
      }
      throw new UncheckedIOException(e);
    }
  }

  private void startRelay(int node) throws IOException {
    Path socket = directory.resolve("api-" + node + ".sock");
    List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m", "-cp",
        System.getProperty("java.class.path"), SocketRelay.class.getName(), socket.toString(),
        Integer.toString(API_PORT));
    relaysInside.add(new ProcessBuilder(network.inNamespace(node, command)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    long deadline = System.nanoTime() + RELAY_START.toNanos();
    while (!Files.exists(socket)) {
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("the relay into node " + node + "'s namespace did not start");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    relays.add(SocketRelay.toUnixSocket(socket));
  }

  /** The JVM a cluster node runs in: this test JVM's, with the JDK internals Ignite needs opened as they are here. */
  static List<String> nodeJvm() {
    List<String> jvm = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("--enable-native-access")
            || argument.startsWith("-Dio.netty.tryReflectionSetAccessible"))
        .forEach(jvm::add);
    // -Djepsen.nodeLogLevels=io.scalecube=info,org.apache.ignite.internal.placementdriver=info: more of those
    // libraries' lines in the nodes' logs (warnings only by default), to see where a stall's time went.
    Arrays.stream(System.getProperty("jepsen.nodeLogLevels", "").split(",")).map(String::trim)
        .filter(level -> !level.isEmpty()).forEach(level -> jvm.add("-Dorg.slf4j.simpleLogger.log." + level));
    jvm.add("-Dorg.slf4j.simpleLogger.log." + PLACEMENT_DRIVER_LOGGER + "=info");
    jvm.addAll(List.of("-Xmx384m", "-cp", System.getProperty("java.class.path"), "io.shaledb.server.cli.Main"));
    return jvm;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    for (SocketRelay relay : relays) {
      relay.close();
    }
    for (Process relay : relaysInside) {
      relay.destroyForcibly();
    }
    for (Slot slot : slots) {
      slot.kill();
    }
    synchronized (logs) {
      for (NodeLog log : logs) {
        if (log.process() != null) {
          log.process().close();
        }
      }
    }
    writeLogs();
    network.close();
  }

  /** Hears of a node started again because its process exited by itself; {@code serving} completes as it serves. */
  interface SelfRestarts {
    void restarting(int node, int exitCode, CompletableFuture<Void> serving);
  }

  /** One process a node ran in and what it printed; {@code process} is null when it exited before it served. */
  private record NodeLog(String name, Supplier<List<String>> lines, ServerProcess process) {}

  /** A node's process: the one launched last, serving or still starting, and its start while under way. */
  private static final class Slot {
    private Process launched;
    private Process endedByTest;
    private CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);

    synchronized void launched(Process process) {
      launched = process;
    }

    /** Whether {@link #kill()} or {@link #stop()} ended {@code process}. */
    synchronized boolean endedByTest(Process process) {
      return process == endedByTest;
    }

    void kill() {
      Process process = end();
      if (process != null) {
        killNow(process);
      }
    }

    void stop() {
      Process process = end();
      if (process != null) {
        process.destroy();
        try {
          process.onExit().orTimeout(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
          killNow(process);
        }
      }
    }

    private static void killNow(Process process) {
      process.destroyForcibly();
      process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The process launched last, marked as ended by the test so that it is not started again by itself. */
    private synchronized Process end() {
      endedByTest = launched;
      return launched;
    }
  }
}
