package io.shaledb.core.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.ForwardingEngine;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StartupRead;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A database opening on storage that cannot answer its first reads yet, as a cluster node that has just joined. */
class DatabaseStartTest {
  private final MemoryEngine engine = new MemoryEngine();
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void open_storageRefusingTheFirstReads_readsTheCatalogAgainAndFindsItsTables() {
    try (Database before = new Database(engine, Clock.systemUTC(), "us-east-1")) {
      new TestTables(before).create("Kept", true, false, false);
    }

    try (Database db = new Database(refusingFirst(3), Clock.systemUTC(), "us-east-1")) {
      assertThat(db.catalog().find("Kept")).isPresent();
      assertThat(reads).as("reads, three of them refused").hasValueGreaterThan(3);
    }
  }

  @Test
  @Tag("slow") // waits out every pause of StartupRead, about 16 s
  void open_storageThatNeverAnswers_givesUpAfterItsAttempts() {
    assertThatThrownBy(() -> new Database(refusingFirst(Integer.MAX_VALUE), Clock.systemUTC(), "us-east-1"))
        .isInstanceOf(StorageUnavailableException.class).hasMessage("no primary yet");
    assertThat(reads).hasValue(StartupRead.ATTEMPTS);
  }

  @Test
  void open_storageFailingOtherwise_failsAtOnce() {
    StorageEngine broken = new ForwardingEngine(engine) {
      @Override
      public Snapshot snapshot() {
        reads.incrementAndGet();
        throw new IllegalStateException("corrupt catalog");
      }
    };

    assertThatThrownBy(() -> new Database(broken, Clock.systemUTC(), "us-east-1"))
        .isInstanceOf(IllegalStateException.class).hasMessage("corrupt catalog");
    assertThat(reads).hasValue(1);
  }

  /** The engine, whose first {@code refusals} snapshots fail as a starting cluster node's may; counts them all. */
  private StorageEngine refusingFirst(int refusals) {
    return new ForwardingEngine(engine) {
      @Override
      public Snapshot snapshot() {
        if (reads.incrementAndGet() <= refusals) {
          throw new StorageUnavailableException("no primary yet");
        }
        return super.snapshot();
      }
    };
  }
}
