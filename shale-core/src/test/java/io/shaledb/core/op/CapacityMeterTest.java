package io.shaledb.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meter's arithmetic and order; the reports' form is DynamoDB's ConsumedCapacity, as the SDK tests check it. */
class CapacityMeterTest {
  private static final Choice<ReturnConsumedCapacity> TOTAL = Choice.of(ReturnConsumedCapacity.TOTAL);
  private static final Choice<ReturnConsumedCapacity> INDEXES = Choice.of(ReturnConsumedCapacity.INDEXES);

  @Test
  void report_severalTables_oneEntryEachInTheOrderFirstCharged() {
    CapacityMeter meter = new CapacityMeter();
    meter.read("b", 1);
    meter.item("a", null, Access.WRITE, 2);
    meter.read("c", 0.5);
    meter.item("b", null, Access.WRITE, 3);
    meter.read("a", 1);

    assertThat(meter.report(TOTAL)).containsExactly(new ConsumedCapacity("b", 4, null),
        new ConsumedCapacity("a", 3, null), new ConsumedCapacity("c", 0.5, null));
    assertThat(meter.usage()).extracting(CapacityMeter.Usage::table).containsExactly("b", "a", "c");
  }

  @Test
  void reportFor_tableAndIndexes_totalsAndSharesByIndex() {
    CapacityMeter meter = new CapacityMeter();
    meter.item("t", null, Access.WRITE, 1);
    meter.index("t", "gsi", false, Access.WRITE, 2);
    meter.index("t", "lsi", true, Access.WRITE, 1);
    meter.index("t", "gsi", false, Access.WRITE, 1);

    assertThat(meter.reportFor(INDEXES, "t")).isEqualTo(new ConsumedCapacity("t", 5,
        new ConsumedCapacity.Shares(1, Map.of("lsi", 1.0), Map.of("gsi", 3.0))));
    assertThat(meter.reportFor(TOTAL, "t")).isEqualTo(new ConsumedCapacity("t", 5, null));
  }

  @Test
  void report_noneOrAbsent_reportsNothing() {
    CapacityMeter meter = new CapacityMeter();
    meter.read("t", 1);

    assertThat(meter.report(Choice.of(ReturnConsumedCapacity.NONE))).isEmpty();
    assertThat(meter.report(null)).isEmpty();
    assertThat(meter.reportFor(null, "t")).isNull();
  }

  @Test
  void usage_nothingCharged_isEmpty() {
    assertThat(new CapacityMeter().usage()).isEqualTo(List.of());
    assertThat(new CapacityMeter().report(TOTAL)).isEmpty();
  }
}
