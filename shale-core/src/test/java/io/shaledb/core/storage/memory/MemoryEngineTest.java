package io.shaledb.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryEngineTest extends StorageEngineContract {

  @Override
  protected StorageEngine open(Path directory) {
    return StorageEngines.open("memory", EngineOptions.defaults(directory));
  }

  @Test
  void open_withEngineOptions_failsNamingThem() {
    assertThatThrownBy(() -> StorageEngines.open("memory", EngineOptions.defaults(directory)
        .withTuning(Map.of("block-cache", "1g"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the memory engine takes no engine options, got 'block-cache'");
  }

  @Test
  void deletedKeys_areReclaimed_onceNoReaderNeedsThem() {
    put("a", "1");
    try (Transaction tx = engine.begin()) {
      tx.delete(b("a"));
      tx.commit();
    }
    put("b", "1");
    MemoryEngine memory = (MemoryEngine) engine;
    try (Snapshot snapshot = memory.snapshot();
        KvCursor cursor = snapshot.scan(new KeyRange(new byte[] {0}, new byte[] {(byte) 0xFF}), false)) {
      assertThat(cursor.next()).isTrue();
      assertThat(new String(cursor.key(), StandardCharsets.UTF_8)).isEqualTo("b");
      assertThat(cursor.next()).isFalse();
    }
    assertThat(memory.range(new KeyRange(new byte[] {0}, new byte[] {(byte) 0xFF}), false)).toIterable().hasSize(1);
  }

  @Test
  void keyDeletedWhileReadersPinIt_andWrittenAgain_isServedByItsNewSlot() {
    put("a", "1");
    MemoryEngine memory = (MemoryEngine) engine;
    Snapshot pinning = memory.snapshot();
    try (Transaction tx = engine.begin()) {
      tx.delete(b("a"));
      tx.commit();
    }
    assertThat(pinning.get(b("a"))).isEqualTo(b("1"));
    pinning.close();
    put("b", "1"); // prunes the deleted key and its slot
    put("a", "2");
    put("c", "1"); // a later prune must leave the new slot of "a" alone
    try (Snapshot snapshot = memory.snapshot()) {
      assertThat(snapshot.get(b("a"))).isEqualTo(b("2"));
    }
    assertThat(memory.range(new KeyRange(new byte[] {0}, new byte[] {(byte) 0xFF}), false)).toIterable().hasSize(3);
  }

  @Test
  void clearedRange_canBeWrittenAgain() {
    put("a", "1");
    engine.clearRange(new KeyRange(b("a"), b("b")));
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(b("a"))).isNull();
    }
    put("a", "2");
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(snapshot.get(b("a"))).isEqualTo(b("2"));
    }
  }
}
