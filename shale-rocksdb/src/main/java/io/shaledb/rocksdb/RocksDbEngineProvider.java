package io.shaledb.rocksdb;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;

/** Provides the RocksDB engine under the name {@code rocksdb}. */
public final class RocksDbEngineProvider implements StorageEngineProvider {
  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public StorageEngine open(EngineOptions options) {
    return RocksDbEngine.open(options);
  }
}
