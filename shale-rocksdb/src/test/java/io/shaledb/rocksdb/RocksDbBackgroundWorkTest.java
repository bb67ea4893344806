package io.shaledb.rocksdb;

import io.shaledb.core.maintenance.BackgroundWorkContract;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import java.nio.file.Path;

class RocksDbBackgroundWorkTest extends BackgroundWorkContract {
  @Override
  protected StorageEngine open(Path directory) {
    return StorageEngines.open("rocksdb", EngineOptions.defaults(directory));
  }
}
