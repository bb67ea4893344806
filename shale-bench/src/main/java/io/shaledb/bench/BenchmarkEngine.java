package io.shaledb.bench;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.rocksdb.RocksDbEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A storage engine for one benchmark trial by its parameter name, "memory" or "rocksdb" (in a temporary folder). The
 * RocksDB engine does not sync its log ({@link Durability#OS}): these benchmarks measure the CPU an engine spends,
 * which a wait for the device would hide; {@code bench/compare.sh} measures the durable server.
 */
final class BenchmarkEngine implements AutoCloseable {
  private final StorageEngine engine;
  private final @Nullable Path directory;

  private BenchmarkEngine(StorageEngine engine, @Nullable Path directory) {
    this.engine = engine;
    this.directory = directory;
  }

  static BenchmarkEngine open(String name) throws IOException {
    return switch (name) {
      case "memory" -> new BenchmarkEngine(new MemoryEngine(), null);
      case "rocksdb" -> {
        Path directory = Files.createTempDirectory("shale-bench");
        EngineOptions options = EngineOptions.defaults(directory).withDurability(Durability.OS);
        yield new BenchmarkEngine(RocksDbEngine.open(options), directory);
      }
      default -> throw new IllegalArgumentException("no engine named " + name);
    };
  }

  StorageEngine engine() {
    return engine;
  }

  /** Closes the engine and deletes its files. */
  @Override
  public void close() throws IOException {
    engine.close();
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
