package io.shaledb.rocksdb;

import io.shaledb.core.storage.Durability;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rocksdb.RocksDBException;

/**
 * Runs writes that wait for the log's sync on platform threads. A synced write waits in native code, and a virtual
 * thread waiting in native code keeps its carrier: with one carrier per core, no more writes than cores could wait
 * together, and RocksDB's write group would share each sync among that few. Handed over, the virtual thread parks
 * and frees its carrier, so every write waiting at a sync joins the next group. Platform threads call directly, and
 * so does everyone when writes are not synced (they return without waiting for the device).
 */
final class CommitThreads implements AutoCloseable {
  /** Writes waiting for one sync at most; more queue for the next. */
  private static final int THREADS = 64;

  /** A RocksDB call that writes. */
  interface Write {
    void run() throws RocksDBException;
  }

  /** Null when writes are not synced. */
  private final @Nullable ExecutorService threads;

  CommitThreads(Durability durability) {
    if (durability == Durability.FSYNC) {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("rocksdb-commit-", 0).factory());
      pool.allowCoreThreadTimeOut(true);
      threads = pool;
    } else {
      threads = null;
    }
  }

  /**
   * Runs {@code write} and returns once it is done, waiting through interrupts (the write cannot be called back, and
   * its caller must learn how it ended); the interrupt is kept for the caller.
   */
  void run(Write write) throws RocksDBException {
    if (threads == null || !Thread.currentThread().isVirtual()) {
      write.run();
      return;
    }
    Future<Void> done = threads.submit(() -> {
      write.run();
      return null;
    });
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          switch (e.getCause()) {
            case RocksDBException rocks -> throw rocks;
            case RuntimeException unchecked -> throw unchecked;
            case Error error -> throw error;
            case null, default -> throw new IllegalStateException(e.getCause());
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (threads != null) {
      threads.shutdown();
    }
  }
}
