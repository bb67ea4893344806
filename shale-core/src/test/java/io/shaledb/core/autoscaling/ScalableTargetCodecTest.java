package io.shaledb.core.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.autoscaling.ScalableTarget.SuspendedState;
import io.shaledb.core.autoscaling.TargetTrackingPolicy.PredefinedMetric;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalableTargetCodecTest {
  @Test
  void encodeDecode_targetWithPolicyAndActivity_roundTrips() {
    Instant at = Instant.parse("2026-06-01T00:00:30.123Z");
    ScalableTarget target = new ScalableTarget(new ScalingResource("t", "i"), ScalableDimension.INDEX_WRITE, "id",
        1, 40, "role", at, new SuspendedState(true, false, true),
        List.of(new TargetTrackingPolicy("p", "pid", PredefinedMetric.WRITE_UTILIZATION, "label", 70.5, 60, null,
            false, at)),
        List.of(new ScalingActivity("a", "d", "c", at, at, "Successful", "m", ScalingActivity.Direction.IN)));

    assertThat(ScalableTargetCodec.decode(ScalableTargetCodec.encode(target))).isEqualTo(target);
  }

  @Test
  void scalingResource_parse_readsTablesAndIndexesOnly() {
    assertThat(ScalingResource.parse("table/T")).contains(new ScalingResource("T", null));
    assertThat(ScalingResource.parse("table/T/index/I")).contains(new ScalingResource("T", "I"));
    assertThat(ScalingResource.parse("table/")).isEmpty();
    assertThat(ScalingResource.parse("service/c/s")).isEmpty();
    assertThat(ScalingResource.parse("table/T/index/")).isEmpty();
  }
}
