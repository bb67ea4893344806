package io.shaledb.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.core.storage.WouldBlockException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RocksDbEngineTest extends StorageEngineContract {

  @Override
  protected StorageEngine open(Path directory) {
    return StorageEngines.open("rocksdb", EngineOptions.defaults(directory));
  }

  @Test
  void getWithoutBlocking_wouldBlockOnATableFileNotYetCached_andAnswersOnceAReadCachedIt() {
    put("cold", "1");
    engine.close();
    engine = open(directory);

    assertThatThrownBy(() -> engine.getWithoutBlocking(b("cold"))).isInstanceOf(WouldBlockException.class);
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(b("cold"))).isEqualTo(b("1"));
    }
    assertThat(engine.getWithoutBlocking(b("cold"))).isEqualTo(b("1"));
  }
}
