package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import java.nio.file.Path;

/** Provides the in-memory engine under the name {@code memory}; it ignores the data directory. */
public final class MemoryEngineProvider implements StorageEngineProvider {
  @Override
  public String name() {
    return "memory";
  }

  @Override
  public StorageEngine open(Path dataDirectory) {
    return new MemoryEngine();
  }
}
