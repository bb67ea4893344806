package io.shaledb.ignite;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;

/**
 * Looks now and then at the states of the keyspace zone's replicas and has this node's broken ones rebuilt from the
 * others ({@link BrokenReplicas} decides, {@link PartitionCleanupRestart} acts). A replica breaks after its node has
 * started, when its Raft log replay meets a page it cannot read: the node serves, and that partition's requests on it
 * time out for ever (docs/cluster.md, "Where a checksum failure shows").
 */
final class BrokenReplicaWatch implements AutoCloseable {
  /** Often enough that a broken replica is rebuilt within seconds of the second look; one small SQL read each time. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(BrokenReplicaWatch.class.getName());

  private final Ignite ignite;
  private final String name;
  private final String zone;
  private final Clock clock;
  private final BrokenReplicas decision;
  private final PartitionCleanupRestart restart;
  private final ScheduledExecutorService timer;

  /** A watch of node {@code name}'s replicas in {@code zone}, not yet checking. */
  BrokenReplicaWatch(Ignite ignite, String name, String zone, Clock clock) {
    this.ignite = ignite;
    this.name = name;
    this.zone = zone;
    this.clock = clock;
    this.decision = new BrokenReplicas(name);
    this.restart = new PartitionCleanupRestart(ignite, zone);
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("ignite-broken-replica-watch-" + name).daemon().factory());
  }

  /** Watches the replicas of the keyspace's zone on a node that has joined its cluster. */
  static BrokenReplicaWatch start(Ignite ignite, String name) {
    BrokenReplicaWatch watch = new BrokenReplicaWatch(ignite, name, Keyspace.ZONE, Clock.systemUTC());
    watch.timer.scheduleWithFixedDelay(watch::checkSafely, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return watch;
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // A node stopping, or a cluster that cannot answer now, fails the read; the next check looks again.
      LOG.log(System.Logger.Level.DEBUG, "the broken replica check failed", e);
    }
  }

  /** Reads the states once, and acts on what {@link BrokenReplicas} decides; answers the decisions. */
  List<BrokenReplicas.Verdict> check() {
    int replicas = ZoneReplicaStates.replicas(ignite, zone);
    List<BrokenReplicas.Verdict> verdicts = decision.check(reading(), replicas, clock.instant());
    for (BrokenReplicas.Verdict verdict : verdicts) {
      switch (verdict) {
        case BrokenReplicas.Rebuild rebuild -> rebuild(rebuild, replicas);
        case BrokenReplicas.Keep keep -> LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: its replica of"
            + " partition {1} of zone {2} is broken (its Raft state machine failed) and is kept, not rebuilt: {3};"
            + " its requests on this node fail until an operator acts (docs/cluster.md, \"Replacing a node''s"
            + " data\")", name, keep.partition(), zone, keep.why());
      }
    }
    return verdicts;
  }

  private void rebuild(BrokenReplicas.Rebuild rebuild, int replicas) {
    LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: its replica of partition {1} of zone {2} has been broken"
        + " (its Raft state machine failed, as when its log replay meets a damaged page) at two checks, and the"
        + " other nodes hold {3} healthy copies of its {4}: dropping this copy to receive the partition again from"
        + " them", name, rebuild.partition(), zone, rebuild.healthyElsewhere(), replicas);
    restart.restart(rebuild.partition()).whenComplete((started, failure) -> {
      if (failure != null) {
        LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: restarting partition {1} of zone {2} empty failed;"
            + " the watch tries again once its recovery time has passed: {3}", name, rebuild.partition(), zone,
            failure.toString());
      } else {
        LOG.log(System.Logger.Level.INFO, "Ignite node {0}: partition {1} of zone {2} started again empty, and"
            + " receives its data from the others", name, rebuild.partition(), zone);
      }
    });
  }

  private List<BrokenReplicas.Report> reading() {
    List<BrokenReplicas.Report> reading = new ArrayList<>();
    ZoneReplicaStates.byPartition(ignite, zone).forEach((partition, replicas) -> replicas.forEach(
        replica -> reading.add(new BrokenReplicas.Report(partition, replica.node(), replica.state()))));
    return reading;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
