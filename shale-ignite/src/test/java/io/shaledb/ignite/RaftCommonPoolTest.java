package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RaftCommonPoolTest {
  @Test
  void threadsFor_eightPartitionsOnThreeReplicas_aThreadPerReplicatorPlusTheCores() {
    // Ten groups (eight partitions, the metastorage, the cluster management group), two peers each.
    assertThat(RaftCommonPool.threadsFor(8, 3, 2)).isEqualTo(22);
  }

  @Test
  void threadsFor_oneReplica_theCoresOnly() {
    assertThat(RaftCommonPool.threadsFor(25, 1, 4)).isEqualTo(4);
  }

  @Test
  void threadsFor_manyGroups_atMostTheCap() {
    assertThat(RaftCommonPool.threadsFor(1024, 7, 64)).isEqualTo(RaftCommonPool.MAX_THREADS);
  }

  @Test
  void widen_smallerPool_growsItsCoreAndMaximum() {
    ThreadPoolExecutor pool = ignitesPool(2);
    try {
      assertThat(RaftCommonPool.widen(pool, 22)).isEqualTo(22);
      assertThat(pool.getCorePoolSize()).isEqualTo(22);
      assertThat(pool.getMaximumPoolSize()).isEqualTo(22);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void widen_largerPool_keepsItsSize() {
    ThreadPoolExecutor pool = ignitesPool(40);
    try {
      assertThat(RaftCommonPool.widen(pool, 22)).isEqualTo(40);
      assertThat(pool.getMaximumPoolSize()).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void heartbeat_whileEveryReplicatorWaitsOnASilentPeer_runsInAWidenedPoolOnly() throws Exception {
    int replicators = 20;
    ThreadPoolExecutor narrow = ignitesPool(2);
    ThreadPoolExecutor widened = ignitesPool(2);
    RaftCommonPool.widen(widened, RaftCommonPool.threadsFor(8, 3, 2));
    CountDownLatch silentPeer = new CountDownLatch(1);
    try {
      for (ThreadPoolExecutor pool : List.of(narrow, widened)) {
        for (int i = 0; i < replicators; i++) {
          pool.execute(() -> awaitQuietly(silentPeer));
        }
      }
      CountDownLatch narrowBeat = new CountDownLatch(1);
      CountDownLatch widenedBeat = new CountDownLatch(1);
      narrow.execute(narrowBeat::countDown);
      widened.execute(widenedBeat::countDown);

      assertThat(widenedBeat.await(30, TimeUnit.SECONDS)).isTrue();
      // Ignite's pool of two: its two threads took the first two waits, and the heartbeat is queued behind the rest.
      assertThat(narrow.getQueue()).hasSize(replicators - 2 + 1);
      assertThat(narrowBeat.getCount()).isEqualTo(1);
    } finally {
      silentPeer.countDown();
      narrow.shutdownNow();
      widened.shutdownNow();
    }
  }

  /** A pool built as JRaft builds its common executor: a fixed size over an unbounded queue. */
  private static ThreadPoolExecutor ignitesPool(int threads) {
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
