package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import java.util.Set;

/**
 * Provides the in-memory engine under the name {@code memory}. It has no tuning, and ignores the data directory
 * and the durability, since nothing it holds outlives the process.
 */
public final class MemoryEngineProvider implements StorageEngineProvider {
  @Override
  public String name() {
    return "memory";
  }

  @Override
  public StorageEngine open(EngineOptions options) {
    options.requireKnownTuning(name(), Set.of());
    return new MemoryEngine();
  }
}
