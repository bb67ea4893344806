package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shaledb.it.jepsen.Availability;
import io.shaledb.it.jepsen.BankWorkload;
import io.shaledb.it.jepsen.Clients;
import io.shaledb.it.jepsen.CounterWorkload;
import io.shaledb.it.jepsen.FinalReads;
import io.shaledb.it.jepsen.Outcome;
import io.shaledb.it.jepsen.RegisterWorkload;
import io.shaledb.it.jepsen.Requests;
import io.shaledb.it.jepsen.Timed;
import io.shaledb.it.jepsen.Workload;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A Jepsen-style test of a three-node cluster in separate processes: client threads run conditional writes on
 * registers, increments of counters and transfers between bank accounts through all three nodes while a {@link
 * FaultSchedule} kills, restarts and partitions the nodes; then every fault is healed and the recorded history is
 * checked: registers linearizable (reads included), counters within their bounds, every bank snapshot adding up, no
 * acknowledged write lost. Each schedule gets a cluster of its own, so that one that does not recover leaves the
 * others' results standing.
 *
 * <p>Runs in shale-it's {@code jepsen} profile, which needs root (network namespaces; docs/cluster.md, "Tests");
 * {@code -Djepsen.schedules=KILL_ONE,BRIDGE} runs some schedules only and {@code -Djepsen.seed} fixes the random one;
 * {@code -Djepsen.clientSeconds=120} lets the clients run past the schedule's 45 s, so that their history also covers a
 * killed node's rejoin, which comes later on a starved machine.
 * Each schedule writes its history, what the nemesis did and how long clients went without acknowledgements to
 * {@code target/jepsen/SCHEDULE.txt}, and what each node process printed to {@code target/jepsen/SCHEDULE/}.
 */
@Tag("slow")
class ClusterJepsenIT {
  private static final int NODES = 3;
  private static final int CLIENTS = 6;
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  /** Longest a node may take to serve again once every fault is healed. */
  private static final Duration REJOIN = Duration.ofMinutes(5);
  private static final Path REPORTS = Path.of("target", "jepsen");

  private final long seed = Long.getLong("jepsen.seed", System.nanoTime());
  private final Duration clientsRun = Duration.ofSeconds(Math.max(FaultSchedule.SECONDS,
      Integer.getInteger("jepsen.clientSeconds", FaultSchedule.SECONDS)));

  @BeforeAll
  static void requireJepsenProfile() throws IOException {
    assumeTrue(Boolean.getBoolean("shaledb.jepsen"), "runs in shale-it's jepsen profile (-Pjepsen)");
    assumeTrue(NodeNetwork.available(), "needs network namespaces (ip netns add): run as root");
    Files.createDirectories(REPORTS);
  }

  @ParameterizedTest
  @EnumSource(FaultSchedule.class)
  void clients_underFaultSchedule_historyHasNoAnomaly(FaultSchedule schedule, @TempDir Path directory)
      throws Exception {
    assumeTrue(selected().contains(schedule), "not among -Djepsen.schedules");
    try (NamespacedCluster cluster = NamespacedCluster.start(directory, NODES, REPORTS.resolve(schedule.name()))) {
      run(schedule, cluster);
    }
  }

  private void run(FaultSchedule schedule, NamespacedCluster cluster) throws Exception {
    System.out.println("ClusterJepsenIT " + schedule + " (seed " + seed + ") begins");
    List<String> names = createTables(cluster);
    List<Workload> workloads = List.of(new RegisterWorkload(names.get(0), 5), new CounterWorkload(names.get(1), 2),
        new BankWorkload(names.get(2), 5, 100));
    workloads.forEach(workload -> workload.setUp(cluster.patientClient(0)));
    List<DynamoDbClient> clients = IntStream.range(0, NODES).mapToObj(cluster::client).toList();
    Nemesis nemesis = new Nemesis(cluster, System.nanoTime());
    // The nodes' logs carry the wall clock: this lines them up with the report's seconds.
    nemesis.log("the clients start, at %s", Instant.now());
    Thread faults = Thread.ofPlatform().name("jepsen-nemesis").start(() -> nemesis.run(schedule.steps(seed)));
    Clients.run(clients, CLIENTS, List.of(workloads.get(0), workloads.get(0), workloads.get(1), workloads.get(2)),
        clientsRun, seed);
    long clientsEnded = System.nanoTime();
    faults.join(TimeUnit.MINUTES.toMillis(2));
    assertThat(faults.isAlive()).as("the nemesis finished").isFalse();
    long healed = System.nanoTime();
    List<String> unrecovered = new ArrayList<>(nemesis.healEverything(REJOIN));
    unrecovered.addAll(notServing(cluster, names.get(0), unrecovered, nemesis, healed + REJOIN.toNanos()));

    List<String> anomalies = new ArrayList<>();
    // The final state is read through the nodes that serve, the next one taking over from one that stops answering,
    // so that one node that did not recover, or hangs, still leaves a checked history and a report.
    List<FinalReads.Node> serving = IntStream.range(0, NODES).filter(n -> !unrecovered(unrecovered, n))
        .mapToObj(n -> new FinalReads.Node("n" + n, cluster.patientClient(n))).toList();
    if (serving.isEmpty()) {
      anomalies.add("no node serves: the final state could not be read");
    }
    FinalReads reads = new FinalReads(serving, PATIENCE);
    for (Workload workload : workloads) {
      workload.check(reads, nemesis.origin()).forEach(anomaly -> anomalies.add(workload.name() + ": " + anomaly));
    }
    report(schedule, workloads, nemesis, anomalies, unrecovered, reads.failures(), clientsEnded);
    assertThat(anomalies).as("anomalies under " + schedule).isEmpty();
    assertThat(unrecovered).as("nodes that did not serve again once every fault was healed").isEmpty();
    assertThat(reads.failures()).as("nodes that stopped answering the final reads").isEmpty();
  }

  /**
   * Tables for the workloads, made through node 0; a table made through one node reaches the others' catalogs a
   * moment later, so each is waited for on every node.
   */
  private static List<String> createTables(NamespacedCluster cluster) {
    DynamoDbClient first = cluster.patientClient(0);
    List<String> names = new ArrayList<>();
    for (String kind : List.of("Registers", "Counters", "Bank")) {
      String table = Tables.create(first, kind, "id", ScalarAttributeType.S, null, null);
      Tables.awaitActive(first, table);
      names.add(table);
    }
    for (int n = 0; n < NODES; n++) {
      DynamoDbClient client = cluster.patientClient(n);
      for (String table : names) {
        Requests.patiently(() -> client.getItem(r -> r.tableName(table)
            .key(Map.of("id", AttributeValue.fromS("probe"))).consistentRead(true)), PATIENCE);
      }
    }
    return names;
  }

  /**
   * The nodes, among those not already {@code unrecovered}, that do not answer a strongly consistent read by {@code
   * deadline} ({@link System#nanoTime()}): a node whose process runs but that its cluster refuses (cut off by a
   * partition and not started again) has not recovered any more than a killed one that did not start. When each
   * node answers first goes to the nemesis's log.
   */
  private static List<String> notServing(NamespacedCluster cluster, String table, List<String> unrecovered,
      Nemesis nemesis, long deadline) {
    List<String> notServing = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      String node = "n" + n;
      if (unrecovered(unrecovered, n)) {
        continue;
      }
      DynamoDbClient client = cluster.patientClient(n);
      try {
        Requests.patiently(() -> client.getItem(r -> r.tableName(table)
            .key(Map.of("id", AttributeValue.fromS("probe"))).consistentRead(true)),
            Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        nemesis.log("%s serves (every fault healed)", node);
      } catch (SdkException e) {
        notServing.add(node + " did not serve once every fault was healed: " + String.valueOf(e.getMessage())
            .lines().findFirst().orElse(""));
      }
    }
    return notServing;
  }

  /** Whether {@code unrecovered} names node {@code n} (each line begins with its name). */
  private static boolean unrecovered(List<String> unrecovered, int n) {
    return unrecovered.stream().anyMatch(line -> line.startsWith("n" + n + " ") || line.startsWith("n" + n + ":"));
  }

  private void report(FaultSchedule schedule, List<Workload> workloads, Nemesis nemesis, List<String> anomalies,
      List<String> unrecovered, List<String> unansweredFinalReads, long clientsEnded) throws IOException {
    long origin = nemesis.origin();
    List<String> lines = new ArrayList<>();
    long ok = 0;
    long fail = 0;
    long info = 0;
    StringBuilder perWorkload = new StringBuilder();
    List<Timed<?>> all = new ArrayList<>();
    List<KeyGap> keyGaps = new ArrayList<>();
    for (Workload workload : workloads) {
      long wOk = workload.history().count(Outcome.OK);
      long wFail = workload.history().count(Outcome.REFUSED) + workload.history().count(Outcome.FAILED);
      long wInfo = workload.history().count(Outcome.UNKNOWN);
      ok += wOk;
      fail += wFail;
      info += wInfo;
      perWorkload.append(String.format(Locale.ROOT, "; %s %d/%d/%d", workload.name(), wOk, wFail, wInfo));
      workload.history().byKey().values().forEach(all::addAll);
    }
    StringBuilder gaps = new StringBuilder("longest without an acknowledgement: all nodes "
        + Availability.longestGap(all, origin, clientsEnded).describe(origin));
    for (int n = 0; n < NODES; n++) {
      int node = n;
      List<Timed<?>> through = all.stream().filter(op -> nodeOf(op.process()) == node).toList();
      gaps.append("; n").append(n).append(' ')
          .append(Availability.longestGap(through, origin, clientsEnded).describe(origin));
    }
    // A key whose partition's primary was on a killed node waits for the lease to move: its gap is the stall.
    for (Workload workload : workloads) {
      workload.history().byKey().forEach((key, operations) -> {
        Availability.Gap gap = Availability.longestGap(operations, origin, clientsEnded);
        keyGaps.add(new KeyGap(workload.name() + " " + key, gap));
      });
    }
    KeyGap longest = keyGaps.stream().max(Comparator.comparingLong(keyGap -> keyGap.gap().nanos())).orElseThrow();
    gaps.append("; one key (").append(longest.key()).append(") ").append(longest.gap().describe(origin));
    String summary = String.format(Locale.ROOT, "%s (seed %d): %d operations, ok %d, fail %d, info %d%s;"
        + " anomalies %d; final reads not answered %d; %s; load %s", schedule, seed, ok + fail + info, ok, fail, info,
        perWorkload, anomalies.size(), unansweredFinalReads.size(), gaps, loadAverage());
    System.out.println("ClusterJepsenIT " + summary);
    lines.add(summary);
    lines.add("nemesis:");
    nemesis.log().forEach(line -> lines.add("  " + line));
    lines.add("not recovered:");
    unrecovered.forEach(line -> lines.add("  " + line));
    lines.add("final reads not answered:");
    unansweredFinalReads.forEach(line -> lines.add("  " + line));
    lines.add("anomalies:");
    anomalies.forEach(anomaly -> lines.add("  " + anomaly));
    for (Workload workload : workloads) {
      lines.add("history of " + workload.name() + ":");
      workload.history().byKey().forEach((key, operations) -> operations
          .forEach(op -> lines.add("  " + key + " " + op.describe(origin))));
    }
    Files.write(REPORTS.resolve(schedule.name() + ".txt"), lines, StandardCharsets.UTF_8);
    Files.writeString(REPORTS.resolve("summary.txt"), summary + System.lineSeparator(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private record KeyGap(String key, Availability.Gap gap) {}

  /** The node a client process sent through: thread {@code t} runs processes t, t + CLIENTS, ... on node t % NODES. */
  private static int nodeOf(int process) {
    return process % CLIENTS % NODES;
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static List<FaultSchedule> selected() {
    String names = System.getProperty("jepsen.schedules", "");
    return names.isBlank() ? List.of(FaultSchedule.values())
        : Arrays.stream(names.split(",")).map(String::trim).map(FaultSchedule::valueOf).toList();
  }
}
