package io.shaledb.core.op;

import java.time.Duration;
import java.util.List;

/** Runs maintenance passes one after the other, then waits, until interrupted (when the database closes). */
public final class Periodic implements Runnable {
  private final Duration interval;
  private final List<Runnable> passes;

  public Periodic(Duration interval, List<Runnable> passes) {
    this.interval = interval;
    this.passes = List.copyOf(passes);
  }

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      passes.forEach(Runnable::run);
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
