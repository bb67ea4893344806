package io.shaledb.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.core.storage.Transaction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryEngineTest extends StorageEngineContract {

  @Override
  protected StorageEngine open(Path directory) {
    return StorageEngines.open("memory", directory);
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
      assertThat(new String(cursor.key())).isEqualTo("b");
      assertThat(cursor.next()).isFalse();
    }
    assertThat(memory.range(new KeyRange(new byte[] {0}, new byte[] {(byte) 0xFF}), false)).hasSize(1);
  }
}
