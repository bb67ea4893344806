package io.shaledb.core.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SupervisorTest {
  private static final Duration LONG = Duration.ofHours(1);

  @Test
  void failingPass_isRetriedWithBackoff_andTheServiceGoesOn() throws Exception {
    AtomicInteger passes = new AtomicInteger();
    CountDownLatch recovered = new CountDownLatch(1);
    BackgroundService flaky = () -> {
      if (passes.incrementAndGet() <= 3) {
        throw new IllegalStateException("failure " + passes.get());
      }
      recovered.countDown();
      return false;
    };
    try (Supervisor supervisor = new Supervisor()) {
      supervisor.start(Map.of(Service.TOKEN_EXPIRY, flaky), LONG, Duration.ofMillis(1));
      assertThat(recovered.await(10, TimeUnit.SECONDS)).as("the pass after three failures ran").isTrue();
    }
    assertThat(passes.get()).isEqualTo(4);
  }

  @Test
  void serviceWithMoreWork_passesAgainAtOnce_andAnIdleOneWaitsForAWake() throws Exception {
    AtomicInteger passes = new AtomicInteger();
    CountDownLatch threeBusyPasses = new CountDownLatch(3);
    CountDownLatch woken = new CountDownLatch(4);
    BackgroundService work = () -> {
      int pass = passes.incrementAndGet();
      woken.countDown();
      threeBusyPasses.countDown();
      return pass < 3;
    };
    try (Supervisor supervisor = new Supervisor()) {
      supervisor.start(Map.of(Service.INDEX_BUILD, work), LONG, Duration.ofMillis(1));
      assertThat(threeBusyPasses.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(woken.getCount()).as("idle until woken, with an interval of an hour").isEqualTo(1);
      supervisor.wake(Service.INDEX_BUILD);
      assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void close_interruptsAPassThatWaits_andWaitsForItsEnd() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    BackgroundService blocking = () -> {
      started.countDown();
      try {
        Thread.sleep(LONG);
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } finally {
        ended.countDown();
      }
    };
    Supervisor supervisor = new Supervisor();
    supervisor.start(Map.of(Service.CATALOG_REFRESH, blocking), LONG, Duration.ofMillis(1));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    supervisor.close();
    assertThat(ended.getCount()).as("the pass ended before close returned").isZero();
  }
}
