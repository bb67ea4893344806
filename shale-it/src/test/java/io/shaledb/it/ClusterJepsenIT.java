package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shaledb.it.FaultSchedule.Fault;
import io.shaledb.it.jepsen.BankWorkload;
import io.shaledb.it.jepsen.Clients;
import io.shaledb.it.jepsen.CounterWorkload;
import io.shaledb.it.jepsen.Outcome;
import io.shaledb.it.jepsen.RegisterWorkload;
import io.shaledb.it.jepsen.Requests;
import io.shaledb.it.jepsen.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A Jepsen-style test of a three-node cluster in separate processes: client threads run conditional writes on
 * registers, increments of counters and transfers between bank accounts through all three nodes while a {@link
 * FaultSchedule} kills, restarts and partitions the nodes; then every fault is healed and the recorded history is
 * checked: registers linearizable (reads included), counters within their bounds, every bank snapshot adding up, no
 * acknowledged write lost. One cluster serves all schedules, each on tables of its own.
 *
 * <p>Runs in shale-it's {@code jepsen} profile, which needs root (network namespaces; docs/cluster.md, "Tests");
 * {@code -Djepsen.schedules=KILL_ONE,BRIDGE} runs some schedules only and {@code -Djepsen.seed} fixes the random one.
 * Each schedule writes its history and what the nemesis did to {@code target/jepsen/SCHEDULE.txt}.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterJepsenIT {
  private static final int NODES = 3;
  private static final int CLIENTS = 6;
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Path REPORTS = Path.of("target", "jepsen");

  @TempDir
  static Path directory;

  private NamespacedCluster cluster;
  private final Map<FaultSchedule, List<String>> tables = new EnumMap<>(FaultSchedule.class);
  private final long seed = Long.getLong("jepsen.seed", System.nanoTime());

  @BeforeAll
  void startCluster() throws IOException {
    assumeTrue(Boolean.getBoolean("shaledb.jepsen"), "runs in shale-it's jepsen profile (-Pjepsen)");
    assumeTrue(NodeNetwork.available(), "needs network namespaces (ip netns add): run as root");
    Files.createDirectories(REPORTS);
    cluster = NamespacedCluster.start(directory, NODES);
    // Tables made through one node reach the others' catalogs later: make every schedule's now, and wait once.
    DynamoDbClient first = cluster.patientClient(0);
    for (FaultSchedule schedule : selected()) {
      List<String> names = new ArrayList<>();
      for (String kind : List.of("Registers", "Counters", "Bank")) {
        String table = Tables.create(first, kind, "id", ScalarAttributeType.S, null, null);
        Tables.awaitActive(first, table);
        names.add(table);
      }
      tables.put(schedule, names);
    }
    for (int n = 0; n < NODES; n++) {
      DynamoDbClient client = cluster.patientClient(n);
      for (List<String> names : tables.values()) {
        for (String table : names) {
          Requests.patiently(() -> client.getItem(r -> r.tableName(table)
              .key(Map.of("id", AttributeValue.fromS("probe"))).consistentRead(true)), PATIENCE);
        }
      }
    }
  }

  @AfterAll
  void stopCluster() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest
  @EnumSource(FaultSchedule.class)
  void clients_underFaultSchedule_historyHasNoAnomaly(FaultSchedule schedule) throws Exception {
    assumeTrue(tables.containsKey(schedule), "not among -Djepsen.schedules");
    List<String> names = tables.get(schedule);
    List<Workload> workloads = List.of(new RegisterWorkload(names.get(0), 5), new CounterWorkload(names.get(1), 2),
        new BankWorkload(names.get(2), 5, 100));
    workloads.forEach(workload -> workload.setUp(cluster.patientClient(0)));
    List<DynamoDbClient> clients = IntStream.range(0, NODES).mapToObj(cluster::client).toList();
    List<String> nemesisLog = new ArrayList<>();
    long origin = System.nanoTime();
    Thread nemesis = Thread.ofPlatform().name("jepsen-nemesis")
        .start(() -> runNemesis(schedule.steps(seed), origin, nemesisLog));
    Clients.run(clients, CLIENTS, List.of(workloads.get(0), workloads.get(0), workloads.get(1), workloads.get(2)),
        Duration.ofSeconds(FaultSchedule.SECONDS), seed);
    nemesis.join(TimeUnit.MINUTES.toMillis(10));
    assertThat(nemesis.isAlive()).as("the nemesis finished").isFalse();
    healEverything(origin, nemesisLog);

    List<String> anomalies = new ArrayList<>();
    DynamoDbClient reader = cluster.patientClient(0);
    for (Workload workload : workloads) {
      workload.check(reader, PATIENCE, origin).forEach(anomaly -> anomalies.add(workload.name() + ": " + anomaly));
    }
    report(schedule, workloads, nemesisLog, anomalies, origin);
    assertThat(anomalies).as("anomalies under " + schedule).isEmpty();
  }

  private void runNemesis(List<FaultSchedule.Step> steps, long origin, List<String> log) {
    for (FaultSchedule.Step step : steps) {
      long due = origin + TimeUnit.SECONDS.toNanos(step.second());
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        apply(step.fault(), origin, log);
      } catch (RuntimeException e) {
        // A restart that fails (the node stays down) changes the schedule, not what the history must satisfy: the
        // report says so, and the steps go on.
        synchronized (log) {
          log.add(String.format(Locale.ROOT, "%.1f s %s failed: %s", (System.nanoTime() - origin) / 1e9,
              step.fault(), String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
      }
    }
  }

  private void healEverything(long origin, List<String> log) {
    apply(new Fault.Heal(), origin, log);
    for (int n = 0; n < NODES; n++) {
      apply(new Fault.Restart(n), origin, log);
    }
  }

  private void apply(Fault fault, long origin, List<String> log) {
    long started = System.nanoTime();
    try {
      switch (fault) {
        case Fault.Kill kill -> cluster.kill(kill.node());
        case Fault.Restart restart -> cluster.restart(restart.node());
        case Fault.Isolate isolate -> cluster.network().isolate(isolate.side());
        case Fault.Cut cut -> cluster.network().cut(cut.a(), cut.b());
        case Fault.Heal heal -> cluster.network().heal();
      }
    } catch (IOException e) {
      throw new IllegalStateException("the nemesis could not " + fault, e);
    }
    synchronized (log) {
      log.add(String.format(Locale.ROOT, "%.1f s %s (done at %.1f s)", (started - origin) / 1e9, fault,
          (System.nanoTime() - origin) / 1e9));
    }
  }

  private void report(FaultSchedule schedule, List<Workload> workloads, List<String> nemesisLog,
      List<String> anomalies, long origin) throws IOException {
    List<String> lines = new ArrayList<>();
    long ok = 0;
    long fail = 0;
    long info = 0;
    StringBuilder perWorkload = new StringBuilder();
    for (Workload workload : workloads) {
      long wOk = workload.history().count(Outcome.OK);
      long wFail = workload.history().count(Outcome.REFUSED) + workload.history().count(Outcome.FAILED);
      long wInfo = workload.history().count(Outcome.UNKNOWN);
      ok += wOk;
      fail += wFail;
      info += wInfo;
      perWorkload.append(String.format(Locale.ROOT, "; %s %d/%d/%d", workload.name(), wOk, wFail, wInfo));
    }
    String summary = String.format(Locale.ROOT, "%s (seed %d): %d operations, ok %d, fail %d, info %d%s;"
        + " anomalies %d", schedule, seed, ok + fail + info, ok, fail, info, perWorkload, anomalies.size());
    System.out.println("ClusterJepsenIT " + summary);
    lines.add(summary);
    lines.add("nemesis:");
    synchronized (nemesisLog) {
      nemesisLog.forEach(line -> lines.add("  " + line));
    }
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

  private static List<FaultSchedule> selected() {
    String names = System.getProperty("jepsen.schedules", "");
    return names.isBlank() ? List.of(FaultSchedule.values())
        : Arrays.stream(names.split(",")).map(String::trim).map(FaultSchedule::valueOf).toList();
  }
}
