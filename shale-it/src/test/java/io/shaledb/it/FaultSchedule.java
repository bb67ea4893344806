package io.shaledb.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the nemesis does to a three-node cluster while the clients run: kills (SIGKILL), graceful stops (SIGTERM) and
 * restarts of nodes, and partitions of their network, each step at a second from the start. After the last step, and
 * whatever the steps left, every link is restored and every node down started again before the history is checked.
 */
enum FaultSchedule {
  /** A node that did not initialize the cluster dies and comes back. */
  KILL_ONE(List.of(step(8, new Fault.Kill(2)), step(25, new Fault.Restart(2)))),
  /**
   * A node that did not initialize the cluster stops gracefully (SIGTERM) and comes back: it hands its primary replicas,
   * and the metastorage's leadership if it holds it, to the others before it stops (docs/cluster.md, "Graceful stop").
   */
  STOP_ONE(List.of(step(8, new Fault.Stop(2)), step(25, new Fault.Restart(2)))),
  /** The node that initialized the cluster and is everyone's first seed dies and comes back. */
  KILL_INITIALIZER(List.of(step(8, new Fault.Kill(0)), step(25, new Fault.Restart(0)))),
  /** One node dies, comes back, and dies and comes back again. */
  KILL_RESTART_TWICE(List.of(step(5, new Fault.Kill(1)), step(15, new Fault.Restart(1)), step(25, new Fault.Kill(1)),
      step(35, new Fault.Restart(1)))),
  /** Each node in turn dies and comes back. */
  ROLLING_KILLS(List.of(step(3, new Fault.Kill(0)), step(10, new Fault.Restart(0)), step(17, new Fault.Kill(1)),
      step(24, new Fault.Restart(1)), step(31, new Fault.Kill(2)), step(38, new Fault.Restart(2)))),
  /**
   * The node leading the metastorage group (found when the kill is due) dies and comes back: every transaction waits
   * for the group's new leader (docs/cluster.md, "Failover and rejoin").
   */
  KILL_METASTORAGE_LEADER(List.of(step(8, new Fault.Kill(Fault.METASTORAGE_LEADER)),
      step(25, new Fault.Restart(Fault.METASTORAGE_LEADER)))),
  /** The node leading the metastorage group is cut off from the other two. */
  ISOLATE_METASTORAGE_LEADER(List.of(step(8, new Fault.Isolate(Set.of(Fault.METASTORAGE_LEADER))),
      step(28, new Fault.Heal()))),
  /** One node is cut off from the other two, which keep a majority. */
  ISOLATE_ONE(List.of(step(8, new Fault.Isolate(Set.of(2))), step(28, new Fault.Heal()))),
  /** Two nodes lose their link but both still reach the third, which bridges them. */
  BRIDGE(List.of(step(8, new Fault.Cut(0, 2)), step(28, new Fault.Heal()))),
  /** The majority moves: each node in turn is cut off from the other two. */
  ROTATING_MAJORITIES(List.of(step(5, new Fault.Isolate(Set.of(0))), step(13, new Fault.Heal()),
      step(15, new Fault.Isolate(Set.of(1))), step(23, new Fault.Heal()), step(25, new Fault.Isolate(Set.of(2))),
      step(33, new Fault.Heal()))),
  /** A node is cut off, then a node of the majority dies: no side has a majority until the link is back. */
  PARTITION_THEN_KILL_IN_MAJORITY(List.of(step(5, new Fault.Isolate(Set.of(2))), step(12, new Fault.Kill(0)),
      step(22, new Fault.Heal()), step(24, new Fault.Restart(0)))),
  /** A node is cut off and killed while cut off, then comes back once the network is whole. */
  KILL_THE_ISOLATED(List.of(step(5, new Fault.Isolate(Set.of(1))), step(12, new Fault.Kill(1)),
      step(20, new Fault.Heal()), step(22, new Fault.Restart(1)))),
  /** Kills, restarts, cuts and heals chosen at random from a seed, one every five seconds. */
  RANDOM_MIX(List.of());

  /** How long the clients run under each schedule. */
  static final int SECONDS = 45;
  private static final int NODES = 3;

  private final List<Step> steps;

  FaultSchedule(List<Step> steps) {
    this.steps = steps;
  }

  /** The steps, in time order; {@link #RANDOM_MIX}'s drawn from {@code seed}. */
  List<Step> steps(long seed) {
    return this == RANDOM_MIX ? random(seed) : steps;
  }

  /** At most one node down at a time, so that faults, not a lost majority on disk, are what the schedule tests. */
  private static List<Step> random(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Step> drawn = new ArrayList<>();
    int down = -1;
    for (int second = 3; second < SECONDS - 5; second += 5) {
      Fault fault = switch (random.nextInt(4)) {
        case 0 -> down < 0 ? new Fault.Kill(random.nextInt(NODES)) : new Fault.Restart(down);
        case 1 -> new Fault.Isolate(Set.of(random.nextInt(NODES)));
        case 2 -> {
          int a = random.nextInt(NODES);
          yield new Fault.Cut(a, (a + 1 + random.nextInt(NODES - 1)) % NODES);
        }
        default -> new Fault.Heal();
      };
      if (fault instanceof Fault.Kill kill) {
        down = kill.node();
      } else if (fault instanceof Fault.Restart) {
        down = -1;
      }
      drawn.add(step(second, fault));
    }
    return drawn;
  }

  private static Step step(int second, Fault fault) {
    return new Step(second, fault);
  }

  /** {@code fault} at {@code second} after the clients start. */
  record Step(int second, Fault fault) {}

  /** One thing the nemesis does. */
  sealed interface Fault {
    /** Stands for whichever node leads the metastorage group when the schedule's first step naming it is due. */
    int METASTORAGE_LEADER = -1;

    /** SIGKILL of the node's process. */
    record Kill(int node) implements Fault {}

    /** SIGTERM of the node's process, which stops gracefully. */
    record Stop(int node) implements Fault {}

    /** The killed or stopped node started again on its data directory. */
    record Restart(int node) implements Fault {}

    /** Every link between a node in {@code side} and one outside it cut. */
    record Isolate(Set<Integer> side) implements Fault {}

    /** The link between two nodes cut. */
    record Cut(int a, int b) implements Fault {}

    /** Every link restored. */
    record Heal() implements Fault {}
  }
}
