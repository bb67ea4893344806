package io.shaledb.bench;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Both engines through the storage SPI: a point get, a one-key transactional put (on RocksDB, WAL written before the
 * commit returns) and a 100-key range read, over 100,000 keys of 200-byte values.
 *
 * <p>Run: {@code java -jar shale-bench/target/shale-benchmarks.jar StorageBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StorageBenchmark {
  private static final int KEYS = 100_000;

  @Param({"memory", "rocksdb"})
  public String engineName;

  private BenchmarkEngine storage;
  private StorageEngine engine;
  private final byte[] value = new byte[200];

  private static byte[] key(int n) {
    return ByteBuffer.allocate(8).putInt(1).putInt(n).array();
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    storage = BenchmarkEngine.open(engineName);
    engine = storage.engine();
    for (int batch = 0; batch < KEYS; batch += 1000) {
      try (Transaction tx = engine.begin()) {
        for (int n = batch; n < batch + 1000; n++) {
          tx.put(key(n), value);
        }
        tx.commit();
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    storage.close();
  }

  @Benchmark
  public byte @Nullable [] get() {
    try (Snapshot snapshot = engine.snapshot()) {
      return snapshot.get(key(ThreadLocalRandom.current().nextInt(KEYS)));
    }
  }

  /** The read a server tries on its network thread before it would hand a GetItem to a worker. */
  @Benchmark
  public byte @Nullable [] getWithoutBlocking() {
    return engine.getWithoutBlocking(key(ThreadLocalRandom.current().nextInt(KEYS)));
  }

  @Benchmark
  public void put() {
    try (Transaction tx = engine.begin()) {
      tx.put(key(ThreadLocalRandom.current().nextInt(KEYS)), value);
      tx.commit();
    }
  }

  @Benchmark
  public int rangeOfHundred() {
    int start = ThreadLocalRandom.current().nextInt(KEYS - 100);
    int read = 0;
    try (Snapshot snapshot = engine.snapshot();
        KvCursor cursor = snapshot.scan(new KeyRange(key(start), key(start + 100)), false)) {
      while (cursor.next()) {
        read += cursor.value().length;
      }
    }
    return read;
  }
}
