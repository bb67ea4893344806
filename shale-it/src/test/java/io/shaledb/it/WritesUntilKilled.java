package io.shaledb.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Writers that write numbered items as fast as the server answers until it is killed under them with SIGKILL:
 * what crash tests check afterwards.
 *
 * @param acknowledged the numbers of the writes the server acknowledged before it died
 * @param attempted how many numbers writes were started with (0 to attempted - 1)
 */
record WritesUntilKilled(List<Integer> acknowledged, int attempted) {
  /** However slow the server, the kill comes by then. */
  private static final Duration KILL_AT_THE_LATEST = Duration.ofSeconds(60);

  /**
   * Runs {@code writers} threads that each write with the next number until a write fails, kills the server once
   * {@code killAfter} writes have started, and waits for the writers.
   */
  static WritesUntilKilled run(ServerProcess server, int writers, int killAfter, IntConsumer write)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<List<Integer>>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      results.add(pool.submit(() -> {
        List<Integer> mine = new ArrayList<>();
        while (!killed.get()) {
          int n = next.getAndIncrement();
          try {
            write.accept(n);
            mine.add(n);
          } catch (RuntimeException e) {
            break;
          }
        }
        return mine;
      }));
    }
    Instant deadline = Instant.now().plus(KILL_AT_THE_LATEST);
    while (next.get() < killAfter && Instant.now().isBefore(deadline)) {
      Thread.sleep(5);
    }
    server.kill();
    killed.set(true);
    List<Integer> acknowledged = new ArrayList<>();
    for (Future<List<Integer>> result : results) {
      acknowledged.addAll(result.get());
    }
    pool.shutdown();
    return new WritesUntilKilled(acknowledged, next.get());
  }
}
