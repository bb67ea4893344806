package io.shaledb.it;

import io.shaledb.it.FaultSchedule.Fault;
import io.shaledb.server.cli.Main;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Applies a {@link FaultSchedule}'s steps to a {@link NamespacedCluster} on time and logs what it did, in seconds
 * from {@link #origin()}. Restarts run in the background, so that a node slow to rejoin delays none of the later
 * steps; the log says when each restarted node served again.
 */
final class Nemesis {
  private final NamespacedCluster cluster;
  private final long origin;
  private final List<String> log = new ArrayList<>();
  private final Set<CompletableFuture<Void>> watched = ConcurrentHashMap.newKeySet();
  /** The node {@link Fault#METASTORAGE_LEADER} stands for in this schedule, once a step named it. */
  private int metastorageLeader = -1;

  Nemesis(NamespacedCluster cluster, long origin) {
    this.cluster = cluster;
    this.origin = origin;
    cluster.onSelfRestart((node, exitCode, serving) -> {
      log("n%d exited with code %d%s; starting it again", node, exitCode,
          exitCode == Main.EXIT_RESTART ? " (cut off from its cluster)" : "");
      watch(node, System.nanoTime(), serving, "self-restart");
    });
  }

  /** {@link System#nanoTime()} at the start of the schedule, which the steps' seconds count from. */
  long origin() {
    return origin;
  }

  /** Applies {@code steps} at their seconds; a step that fails is logged and the rest go on. */
  void run(List<FaultSchedule.Step> steps) {
    for (FaultSchedule.Step step : steps) {
      long wait = origin + TimeUnit.SECONDS.toNanos(step.second()) - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        apply(step.fault());
      } catch (RuntimeException | IOException e) {
        // A fault that could not be applied changes the schedule, not what the history must satisfy: logged.
        log("%s failed: %s", step.fault(), firstLine(e));
      }
    }
  }

  /**
   * Restores every link and starts every node that is down, then waits up to {@code patience} for each to serve.
   *
   * @return the nodes that did not serve again, each with why
   */
  List<String> healEverything(Duration patience) throws IOException {
    apply(new Fault.Heal());
    List<CompletableFuture<Void>> rejoining = new ArrayList<>();
    for (int n = 0; n < cluster.size(); n++) {
      rejoining.add(restart(n));
    }
    List<String> unrecovered = new ArrayList<>();
    long deadline = System.nanoTime() + patience.toNanos();
    for (int n = 0; n < rejoining.size(); n++) {
      try {
        rejoining.get(n).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        unrecovered.add("n" + n + " did not serve within " + patience.toSeconds() + " s");
      } catch (ExecutionException e) {
        unrecovered.add("n" + n + ": " + firstLine(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the nodes rejoined", e);
      }
    }
    return unrecovered;
  }

  /** What the nemesis did, in order. */
  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private void apply(Fault fault) throws IOException {
    long started = System.nanoTime();
    switch (fault) {
      case Fault.Kill kill -> cluster.kill(node(kill.node()));
      case Fault.Stop stop -> cluster.stop(node(stop.node()));
      case Fault.Restart restart -> restart(node(restart.node()));
      case Fault.Isolate isolate -> cluster.network().isolate(isolate.side().stream().map(this::node)
          .collect(Collectors.toSet()));
      case Fault.Cut cut -> cluster.network().cut(cut.a(), cut.b());
      case Fault.Heal heal -> cluster.network().heal();
    }
    log("%s (%.1f s .. %.1f s)", fault, seconds(started), seconds(System.nanoTime()));
  }

  /**
   * The node a step names: {@link Fault#METASTORAGE_LEADER} is the node leading the metastorage group when the
   * first step naming it is due, as the nodes' logs tell, and the same node in later steps.
   */
  private int node(int named) {
    if (named != Fault.METASTORAGE_LEADER) {
      return named;
    }
    if (metastorageLeader < 0) {
      OptionalInt leader = cluster.metastorageLeader();
      metastorageLeader = leader.orElse(cluster.size() - 1);
      log("the metastorage leader is %s", leader.isPresent() ? "n" + metastorageLeader
          : "not in the nodes' logs: n" + metastorageLeader + " instead");
    }
    return metastorageLeader;
  }

  private CompletableFuture<Void> restart(int node) {
    return watch(node, System.nanoTime(), cluster.restart(node), "restart");
  }

  /** Logs when a start of the node, {@code what} begun at {@code begun}, serves or fails; each start once. */
  private CompletableFuture<Void> watch(int node, long begun, CompletableFuture<Void> rejoined, String what) {
    // A restart asked for while the node is still starting joins that start, which is logged once.
    if (!rejoined.isDone() && watched.add(rejoined)) {
      rejoined.whenComplete((ignored, failure) -> {
        double took = (System.nanoTime() - begun) / 1e9;
        if (failure == null) {
          log("n%d serves again (%s begun at %.1f s, %.1f s later)", node, what, seconds(begun), took);
        } else {
          log("n%d did not start (%s begun at %.1f s, %.1f s later): %s", node, what, seconds(begun), took,
              firstLine(failure));
        }
      });
    }
    return rejoined;
  }

  private double seconds(long nanoTime) {
    return (nanoTime - origin) / 1e9;
  }

  /** Adds a line to {@link #log()}, stamped with the seconds since {@link #origin()}. */
  void log(String format, Object... arguments) {
    String line = String.format(Locale.ROOT, "%.1f s ", seconds(System.nanoTime()))
        + String.format(Locale.ROOT, format, arguments);
    synchronized (log) {
      log.add(line);
    }
  }

  private static String firstLine(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
  }
}
