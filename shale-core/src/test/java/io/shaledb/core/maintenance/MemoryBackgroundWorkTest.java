package io.shaledb.core.maintenance;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.nio.file.Path;

class MemoryBackgroundWorkTest extends BackgroundWorkContract {
  @Override
  protected StorageEngine open(Path directory) {
    return new MemoryEngine();
  }
}
