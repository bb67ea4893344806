package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.WarmThroughputSpecification;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.WarmThroughput;
import io.shaledb.core.validate.Choice;
import org.junit.jupiter.api.Test;

/** How CreateTable's and UpdateTable's table options combine with what a table has. */
class TableOptionUpdatesTest {
  @Test
  void apply_onDemandBoundOfOneKind_leavesTheOtherUnbounded() {
    TableOptions options = TableOptionUpdates.apply(TableOptions.DEFAULTS, null,
        new OnDemandThroughputSpecification(100L, null), null);

    assertThat(options.onDemandThroughput()).contains(new OnDemandThroughput(100, OnDemandThroughput.UNBOUNDED));
    assertThat(options.tableClass()).isEqualTo(TableClass.STANDARD);
  }

  @Test
  void apply_laterUpdate_changesOnlyTheMembersItNames() {
    TableOptions created = TableOptionUpdates.apply(TableOptions.DEFAULTS,
        Choice.of(TableClass.STANDARD_INFREQUENT_ACCESS), new OnDemandThroughputSpecification(100L, 200L),
        new WarmThroughputSpecification(15_000L, 5_000L));

    TableOptions updated = TableOptionUpdates.apply(created, null, new OnDemandThroughputSpecification(null, 50L),
        new WarmThroughputSpecification(null, 6_000L));

    assertThat(updated.tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(updated.onDemandThroughput()).contains(new OnDemandThroughput(100, 50));
    assertThat(updated.warmThroughput()).contains(new WarmThroughput(15_000, 6_000));
  }

  @Test
  void apply_onDemandMemberZeroOrBelowMinusOne_isRefusedInTheServicesWords() {
    for (long units : new long[] {0, -2}) {
      assertThatThrownBy(() -> TableOptionUpdates.apply(TableOptions.DEFAULTS, null,
          new OnDemandThroughputSpecification(null, units), null))
          .isInstanceOfSatisfying(DynamoException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.getMessage()).isEqualTo("One or more parameter values were invalid: Requested"
                + " MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
          });
    }
    assertThatThrownBy(() -> TableOptionUpdates.apply(TableOptions.DEFAULTS, null,
        new OnDemandThroughputSpecification(0L, 0L), null))
        .hasMessage("One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput"
            + " for table is outside of valid range");
    assertThat(TableOptionUpdates.apply(TableOptions.DEFAULTS, null, new OnDemandThroughputSpecification(-1L, 1L),
        null).onDemandThroughput()).contains(new OnDemandThroughput(OnDemandThroughput.UNBOUNDED, 1));
  }
}
