package io.shaledb.core.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.autoscaling.ScalableTarget.SuspendedState;
import io.shaledb.core.autoscaling.ScalingActivity.Direction;
import io.shaledb.core.autoscaling.TargetTracking.Decision;
import io.shaledb.core.autoscaling.TargetTrackingPolicy.PredefinedMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Target tracking's decisions on consumption per minute, with no server: minutes are counted from the epoch. */
class TargetTrackingTest {
  /** Minute 100 of the epoch, where every policy here was put. */
  private static final Instant PUT = Instant.ofEpochSecond(100 * 60);

  private static TargetTrackingPolicy policy(double target, Integer scaleInCooldown, Boolean disableScaleIn) {
    return new TargetTrackingPolicy("p", "id", PredefinedMetric.READ_UTILIZATION, null, target, null,
        scaleInCooldown, disableScaleIn, PUT);
  }

  private static ScalableTarget target(long min, long max, TargetTrackingPolicy policy,
      List<ScalingActivity> activities) {
    return new ScalableTarget(new ScalingResource("t", null), ScalableDimension.TABLE_READ, "id", min, max, "role",
        PUT, SuspendedState.NONE, List.of(policy), activities);
  }

  private static Instant minute(long minute) {
    return Instant.ofEpochSecond(minute * 60);
  }

  /** {@code unitsPerSecond} in every minute. */
  private static LongToDoubleFunction steady(double unitsPerSecond) {
    return minute -> unitsPerSecond * 60;
  }

  @Test
  void decide_twoMinutesAboveTarget_scalesOutToMeetTheTarget() {
    Optional<Decision> decision = TargetTracking.decide(target(5, 100, policy(50, null, null), List.of()), 5,
        minute(102), steady(10));

    assertThat(decision).get().extracting(Decision::capacity, Decision::direction).containsExactly(20L, Direction.OUT);
  }

  @Test
  void decide_oneMinuteAboveTarget_waits() {
    LongToDoubleFunction lastMinuteOnly = minute -> minute == 101 ? 600 : 0;

    assertThat(TargetTracking.decide(target(5, 100, policy(50, null, null), List.of()), 5, minute(102),
        lastMinuteOnly)).isEmpty();
    assertThat(TargetTracking.decide(target(5, 100, policy(50, null, null), List.of()), 5, minute(101),
        steady(10))).as("the minute the policy was put in does not count").isEmpty();
  }

  @Test
  void decide_scaleOutBeyondMaximum_stopsAtTheMaximum() {
    assertThat(TargetTracking.decide(target(5, 12, policy(50, null, null), List.of()), 5, minute(102), steady(10)))
        .get().extracting(Decision::capacity).isEqualTo(12L);
  }

  @Test
  void decide_fifteenQuietMinutes_scalesInToTheMinimum() {
    ScalableTarget target = target(5, 100, policy(50, null, null), List.of());

    assertThat(TargetTracking.decide(target, 20, minute(114), steady(0))).isEmpty();
    assertThat(TargetTracking.decide(target, 20, minute(115), steady(0))).get()
        .extracting(Decision::capacity, Decision::direction).containsExactly(5L, Direction.IN);
  }

  @Test
  void decide_utilizationWithinTwentyPointsOfTarget_doesNotScaleIn() {
    // 3.1 units a second of 10 is 31%, not 20 points below a target of 50.
    assertThat(TargetTracking.decide(target(5, 100, policy(50, null, null), List.of()), 10, minute(130),
        steady(3.1))).isEmpty();
  }

  @Test
  void decide_scaleInDisabled_neverScalesIn() {
    assertThat(TargetTracking.decide(target(5, 100, policy(50, null, true), List.of()), 20, minute(130),
        steady(0))).isEmpty();
  }

  @Test
  void decide_afterAScaleOut_countsOnlyMinutesSinceIt() {
    ScalingActivity out = new ScalingActivity("a", "d", "c", minute(110), minute(110), "Successful", "m",
        Direction.OUT);
    ScalableTarget target = target(5, 100, policy(50, null, null), List.of(out));

    assertThat(TargetTracking.decide(target, 20, minute(124), steady(0))).isEmpty();
    assertThat(TargetTracking.decide(target, 20, minute(125), steady(0))).isPresent();
  }

  @Test
  void decide_withinScaleInCooldown_waits() {
    ScalingActivity in = new ScalingActivity("a", "d", "c", minute(110), minute(110), "Successful", "m",
        Direction.IN);
    ScalableTarget target = target(1, 100, policy(50, (int) Duration.ofMinutes(30).toSeconds(), null), List.of(in));

    assertThat(TargetTracking.decide(target, 20, minute(139), steady(0))).isEmpty();
    assertThat(TargetTracking.decide(target, 20, minute(140), steady(0))).isPresent();
  }

  @Test
  void decide_capacityBelowNewMinimum_raisesItAtOnce() {
    assertThat(TargetTracking.decide(target(7, 10, policy(50, null, null), List.of()), 1, PUT, steady(0))).get()
        .extracting(Decision::capacity, Decision::direction).containsExactly(7L, Direction.OUT);
  }
}
