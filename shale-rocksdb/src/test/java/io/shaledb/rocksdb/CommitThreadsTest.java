package io.shaledb.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.Durability;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;

class CommitThreadsTest {

  /** Runs {@code body} on a virtual thread, as the server runs requests, and rethrows what it threw. */
  private static void onAVirtualThread(ThrowingRunnable body) throws Throwable {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread.ofVirtual().start(() -> {
      try {
        body.run();
      } catch (Throwable t) {
        thrown.set(t);
      }
    }).join();
    if (thrown.get() != null) {
      throw thrown.get();
    }
  }

  private interface ThrowingRunnable {
    void run() throws Throwable;
  }

  @Test
  void run_syncedFromAVirtualThread_waitsOnAPlatformThread() throws Throwable {
    AtomicReference<Thread> writer = new AtomicReference<>();
    try (CommitThreads commits = new CommitThreads(Durability.FSYNC)) {
      onAVirtualThread(() -> commits.run(() -> writer.set(Thread.currentThread())));
    }
    assertThat(writer.get().isVirtual()).isFalse();
  }

  @Test
  void run_notSynced_writesOnTheCallersThread() throws Throwable {
    AtomicReference<Boolean> virtual = new AtomicReference<>();
    try (CommitThreads commits = new CommitThreads(Durability.OS)) {
      onAVirtualThread(() -> commits.run(() -> virtual.set(Thread.currentThread().isVirtual())));
    }
    assertThat(virtual.get()).isTrue();
  }

  @Test
  void run_aFailedWrite_throwsItsRocksDbException() {
    try (CommitThreads commits = new CommitThreads(Durability.FSYNC)) {
      assertThatThrownBy(() -> onAVirtualThread(() -> commits.run(() -> {
        throw new RocksDBException("no space");
      }))).isInstanceOf(RocksDBException.class).hasMessage("no space");
    }
  }
}
