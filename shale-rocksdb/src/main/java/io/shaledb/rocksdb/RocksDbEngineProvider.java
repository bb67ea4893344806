package io.shaledb.rocksdb;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import java.nio.file.Path;

/** Provides the RocksDB engine under the name {@code rocksdb}. */
public final class RocksDbEngineProvider implements StorageEngineProvider {
  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public StorageEngine open(Path dataDirectory) {
    return RocksDbEngine.open(dataDirectory);
  }
}
