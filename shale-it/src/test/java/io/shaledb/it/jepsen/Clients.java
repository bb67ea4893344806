package io.shaledb.it.jepsen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Client processes that run random operations of the workloads until a deadline, each thread bound to one node. A
 * process whose operation ended indeterminate may still have it in flight, so, as in Jepsen, the thread goes on as a
 * new process: a process never has two operations open at once.
 */
public final class Clients {
  /** A pause between operations, so that clients do not saturate cores the nodes share with other builds. */
  private static final long THINK_MILLIS = 20;
  /** A longer pause after an indeterminate operation, so that a dead node does not fill the history with them. */
  private static final long BACK_OFF_MILLIS = 200;

  private Clients() {}

  /**
   * Runs {@code threads} clients for {@code duration}; thread {@code t} sends through {@code nodes.get(t %
   * nodes.size())} and picks each operation's workload uniformly from {@code weighted} (list one several times to
   * weigh it more).
   */
  public static void run(List<DynamoDbClient> nodes, int threads, List<Workload> weighted, Duration duration,
      long seed) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      running.add(Thread.ofPlatform().name("jepsen-client-" + t).start(() -> {
        SplittableRandom random = new SplittableRandom(seed + thread);
        DynamoDbClient client = nodes.get(thread % nodes.size());
        int process = thread;
        while (System.nanoTime() - deadline < 0) {
          Workload workload = weighted.get(random.nextInt(weighted.size()));
          boolean indeterminate = workload.step(client, process, random) == Outcome.UNKNOWN;
          if (indeterminate) {
            process += threads;
          }
          if (!pause(indeterminate ? BACK_OFF_MILLIS : THINK_MILLIS)) {
            return;
          }
        }
      }));
    }
    for (Thread thread : running) {
      // Every operation is bounded by the clients' call timeout, so each thread ends soon after the deadline.
      thread.join(TimeUnit.NANOSECONDS.toMillis(duration.toNanos()) + TimeUnit.MINUTES.toMillis(2));
      if (thread.isAlive()) {
        thread.interrupt();
        throw new IllegalStateException(thread.getName() + " did not stop");
      }
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
