package io.shaledb.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WouldBlockException;
import java.nio.file.Path;
import java.util.Map;
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

  @Test
  void append_acrossReopening_concatenatesWhatTheLogAndTheTableFilesHold() {
    try (Transaction tx = engine.begin()) {
      tx.append(b("record"), b("1"));
      tx.commit();
    }
    engine.close();
    engine = open(directory);
    try (Transaction tx = engine.begin()) {
      tx.append(b("record"), b("2"));
      tx.commit();
    }

    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(b("record"))).isEqualTo(b("12"));
    }
  }

  @Test
  void open_badEngineOption_failsNamingIt_beforeCreatingAnything() {
    Path fresh = directory.resolve("fresh");

    assertThatThrownBy(() -> StorageEngines.open("rocksdb", EngineOptions.defaults(fresh)
        .withTuning(Map.of("write-buffer", "lots"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("engine option write-buffer=lots is not a number");
    assertThat(fresh).doesNotExist();
  }

  @Test
  void open_tunedAndWithoutSync_keepsCommitsAcrossReopening() {
    engine.close();
    EngineOptions tuned = EngineOptions.defaults(directory).withDurability(Durability.OS).withTuning(Map.of(
        "block-cache", "8m", "write-buffer", "1m", "background-jobs", "1"));
    engine = StorageEngines.open("rocksdb", tuned);
    put("k", "v");
    engine.close();
    engine = open(directory);

    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(b("k"))).isEqualTo(b("v"));
    }
  }
}
