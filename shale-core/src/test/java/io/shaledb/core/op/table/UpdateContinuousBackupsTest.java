package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.ContinuousBackupsOutput.RecoveryWindow;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Continuous backups against the memory engine: the recovery window follows the clock and the period. */
class UpdateContinuousBackupsTest {
  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);

  UpdateContinuousBackupsTest() {
    new TestTables(db).create("items", false, false, false);
  }

  private ContinuousBackupsOutput update(boolean enabled, Long days) {
    UpdateContinuousBackupsInput in = new UpdateContinuousBackupsInput("items", true, enabled, days);
    UpdateContinuousBackups operation = new UpdateContinuousBackups(db);
    operation.validate(in);
    return operation.execute(in, RequestContext.internal(Principal.caller("test"), clock));
  }

  private ContinuousBackupsOutput describe() {
    return new DescribeContinuousBackups(db).execute("items", RequestContext.internal(Principal.caller("test"),
        clock));
  }

  @Test
  void updateContinuousBackups_enableWithoutPeriod_keeps35DaysFromNow() {
    assertThat(update(true, null).recovery()).contains(new RecoveryWindow(START, START, 35));
  }

  @Test
  void describeContinuousBackups_pastThePeriod_earliestIsThePeriodsStart() {
    update(true, 7L);
    clock.advance(Duration.ofDays(10));

    assertThat(describe().recovery()).contains(new RecoveryWindow(clock.instant().minus(Duration.ofDays(7)),
        clock.instant(), 7));
  }

  @Test
  void updateContinuousBackups_newPeriodWhileEnabled_keepsWhenRecoveryBegan() {
    update(true, 7L);
    clock.advance(Duration.ofDays(1));

    assertThat(update(true, 3L).recovery()).contains(new RecoveryWindow(START, clock.instant(), 3));
  }

  @Test
  void updateContinuousBackups_disable_answersNoRecovery() {
    update(true, 7L);

    assertThat(update(false, null)).isEqualTo(new ContinuousBackupsOutput(Optional.empty()));
    assertThat(describe().recovery()).isEmpty();
  }

  @Test
  void describeContinuousBackups_unknownTable_isTableNotFound() {
    assertThatThrownBy(() -> new DescribeContinuousBackups(db).execute("other",
        RequestContext.internal(Principal.caller("test"), clock)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("Table not found: other");
        });
  }
}
