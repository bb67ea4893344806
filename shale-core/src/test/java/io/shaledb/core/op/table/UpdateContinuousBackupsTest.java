package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Continuous backups against the memory engine: recovery is never promised while there is no history. */
class UpdateContinuousBackupsTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);

  UpdateContinuousBackupsTest() {
    new TestTables(db).create("items", false, false, false);
  }

  @Test
  void updateContinuousBackups_enable_isContinuousBackupsUnavailable() {
    assertThatThrownBy(() -> Requests.run(new UpdateContinuousBackups(db),
        new UpdateContinuousBackupsInput("items", true, true, 7L)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONTINUOUS_BACKUPS_UNAVAILABLE));
  }

  @Test
  void updateContinuousBackups_disable_answersNeitherBackupsNorRecovery() {
    assertThat(Requests.run(new UpdateContinuousBackups(db), new UpdateContinuousBackupsInput("items", true, false,
        null))).isEqualTo(ContinuousBackupsOutput.ON_DEMAND_ONLY);
  }

  @Test
  void describeContinuousBackups_unknownTable_isTableNotFound() {
    assertThatThrownBy(() -> Requests.run(new DescribeContinuousBackups(db), "other"))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
  }
}
