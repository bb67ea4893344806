package io.shaledb.core.background;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs each background service on its own virtual thread: a pass, then a wait of one interval (cut short by
 * {@link #wake}), or the next pass at once while the service reports more work. A pass that fails is logged with
 * its cause and retried after a backoff that doubles up to {@link #MAX_BACKOFF}; a service never stops until the
 * supervisor closes.
 */
public final class Supervisor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final Map<Service, Worker> workers = new EnumMap<>(Service.class);
  private boolean closed;

  /**
   * Starts {@code services}, each passing every {@code interval} when it has nothing to do, and first retrying a
   * failed pass after {@code firstBackoff}.
   */
  public synchronized void start(Map<Service, BackgroundService> services, Duration interval, Duration firstBackoff) {
    if (closed) {
      throw new IllegalStateException("the supervisor is closed");
    }
    services.forEach((service, work) -> {
      if (workers.containsKey(service)) {
        throw new IllegalStateException(service + " is already running");
      }
      Worker worker = new Worker(service, work, interval, firstBackoff);
      workers.put(service, worker);
      worker.thread = Thread.ofVirtual().name("shale-" + service.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .start(worker::run);
    });
  }

  /** Has a service run its next pass now rather than after its interval; nothing when it is not running. */
  public void wake(Service service) {
    Worker worker;
    synchronized (this) {
      worker = workers.get(service);
    }
    if (worker != null) {
      worker.wake();
    }
  }

  /** Stops every service and waits for their passes to end (each is interrupted). */
  @Override
  public void close() {
    List<Worker> running;
    synchronized (this) {
      closed = true;
      running = new ArrayList<>(workers.values());
    }
    running.forEach(Worker::stop);
    for (Worker worker : running) {
      try {
        Thread thread = worker.thread;
        if (thread != null && !thread.join(Duration.ofSeconds(10))) {
          LOG.log(Level.WARNING, "background service {0} did not stop within 10 seconds", worker.service);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Worker {
    final Service service;
    final BackgroundService work;
    final Duration interval;
    final Duration firstBackoff;
    final Semaphore wakeups = new Semaphore(0);
    volatile boolean stopped;
    @Nullable Thread thread;

    Worker(Service service, BackgroundService work, Duration interval, Duration firstBackoff) {
      this.service = service;
      this.work = work;
      this.interval = interval;
      this.firstBackoff = firstBackoff;
    }

    void run() {
      int failures = 0;
      while (!stopped) {
        Duration pause;
        try {
          pause = work.runPass() ? Duration.ZERO : interval;
          if (failures > 0) {
            LOG.log(Level.INFO, "background service {0} recovered after {1} failed passes", service, failures);
          }
          failures = 0;
        } catch (RuntimeException e) {
          if (stopped) {
            return;
          }
          failures++;
          pause = backoff(failures);
          LOG.log(Level.WARNING, "background service " + service + " failed (" + failures
              + " in a row); retrying in " + pause.toMillis() + " ms", e);
        }
        if (!pause.isZero() && !await(pause)) {
          return;
        }
      }
    }

    private Duration backoff(int failures) {
      Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failures - 1, 20));
      return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** Waits for {@code pause} or a wake-up; false when interrupted to stop. */
    private boolean await(Duration pause) {
      try {
        wakeups.tryAcquire(pause.toNanos(), TimeUnit.NANOSECONDS);
        wakeups.drainPermits();
        return !stopped;
      } catch (InterruptedException e) {
        return false;
      }
    }

    void wake() {
      if (wakeups.availablePermits() == 0) {
        wakeups.release();
      }
    }

    void stop() {
      stopped = true;
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
