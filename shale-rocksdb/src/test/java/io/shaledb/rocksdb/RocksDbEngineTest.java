package io.shaledb.rocksdb;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import io.shaledb.core.storage.StorageEngines;
import java.nio.file.Path;

class RocksDbEngineTest extends StorageEngineContract {

  @Override
  protected StorageEngine open(Path directory) {
    return StorageEngines.open("rocksdb", directory);
  }
}
