package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The limit on tables with an operation in progress, lowered to two so that the test makes three. The message is the
 * service's as tools recorded it for its earlier limits (see {@link ConcurrentTableOperations}).
 */
class ConcurrentTableOperationsTest {
  private final Database db = new Database(new MemoryEngine(), new MutableClock(Instant.parse("2026-06-01T00:00:00Z")),
      "us-east-1");
  private final TestTables tables = new TestTables(db);

  @Test
  void admit_limitOfTablesBuildingAnIndex_refusesAnOperationOnAnotherTable() {
    // Nothing runs the index builder here: each index stays CREATING and its table UPDATING.
    for (String name : new String[] {"a", "b"}) {
      tables.create(name, false, false, false);
      tables.addGlobalIndex(name, "byG");
    }
    tables.create("idle", false, false, false);

    assertThat(db.catalog().list()).filteredOn(ConcurrentTableOperations::inProgress).hasSize(2);
    assertThatThrownBy(() -> ConcurrentTableOperations.admit(db.catalog().list(), "new", 2))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
          assertThat(e.getMessage()).isEqualTo(
              "Subscriber limit exceeded: Only 2 tables can be created, updated, or deleted simultaneously");
        });
    assertThatThrownBy(() -> ConcurrentTableOperations.admit(db.catalog().list(), "idle", 2))
        .isInstanceOf(DynamoException.class);
  }

  @Test
  void admit_operationOnATableInProgressItself_isNotCountedAgainstItself() {
    for (String name : new String[] {"a", "b"}) {
      tables.create(name, false, false, false);
      tables.addGlobalIndex(name, "byG");
    }

    ConcurrentTableOperations.admit(db.catalog().list(), "a", 2);
    ConcurrentTableOperations.admit(db.catalog().list(), "new", 3);
  }

  @Test
  void createTable_whileTheRealLimitIsFarOff_completesAtOnceAndCountsNothing() {
    tables.create("a", true, false, false);

    assertThat(db.catalog().list()).noneMatch(ConcurrentTableOperations::inProgress);
  }
}
