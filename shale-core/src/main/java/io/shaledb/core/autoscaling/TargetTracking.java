package io.shaledb.core.autoscaling;

import io.shaledb.core.autoscaling.ScalingActivity.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * How DynamoDB's target tracking decides a target's next capacity from consumption per minute, as the developer
 * guide and the knowledge center describe its alarms ("Managing throughput capacity automatically with DynamoDB
 * auto scaling"; "Why isn't DynamoDB auto scaling working"): it scales out once utilization (consumed units per
 * second over the provisioned capacity) stayed above the target for {@value #SCALE_OUT_MINUTES} consecutive minutes,
 * and in once it stayed {@value #SCALE_IN_MARGIN} points or more below the target for {@value #SCALE_IN_MINUTES}
 * consecutive minutes, to the capacity at which the busiest of those minutes would have met the target, within the
 * target's bounds. Only minutes that began after the policy was put and after the target last scaled count, so one
 * busy stretch scales once. A capacity outside the bounds (after RegisterScalableTarget changed them) is brought
 * within them at once. Cooldowns (0 seconds by default for DynamoDB) hold back a further change in the same direction.
 */
public final class TargetTracking {
  static final int SCALE_OUT_MINUTES = 2;
  static final int SCALE_IN_MINUTES = 15;
  static final double SCALE_IN_MARGIN = 20;
  private static final long MINUTE_MILLIS = 60_000;

  private TargetTracking() {}

  /** A change of capacity, and why. */
  public record Decision(long capacity, Direction direction, String cause) {}

  /**
   * The change the target needs now, if any.
   *
   * @param current the capacity provisioned now
   * @param consumed the units consumed in the minute that starts that many minutes after the epoch
   */
  public static Optional<Decision> decide(ScalableTarget target, long current, Instant now,
      LongToDoubleFunction consumed) {
    if (current < target.minCapacity()) {
      return Optional.of(new Decision(target.minCapacity(), Direction.OUT, "minimum capacity was set to "
          + target.minCapacity()));
    }
    if (current > target.maxCapacity()) {
      return Optional.of(new Decision(target.maxCapacity(), Direction.IN, "maximum capacity was set to "
          + target.maxCapacity()));
    }
    Optional<Decision> out = Optional.empty();
    Optional<Decision> in = Optional.empty();
    boolean everyPolicyScalesIn = true;
    for (TargetTrackingPolicy policy : target.policies()) {
      long firstMinute = firstMinute(target, policy);
      long thisMinute = now.toEpochMilli() / MINUTE_MILLIS;
      Optional<Decision> policyOut = scaleOut(target, policy, current, now, consumed, firstMinute, thisMinute);
      if (policyOut.isPresent() && (out.isEmpty() || policyOut.get().capacity() > out.get().capacity())) {
        out = policyOut;
      }
      Optional<Decision> policyIn = scaleIn(target, policy, current, now, consumed, firstMinute, thisMinute);
      everyPolicyScalesIn &= policyIn.isPresent();
      if (policyIn.isPresent() && (in.isEmpty() || policyIn.get().capacity() > in.get().capacity())) {
        in = policyIn;
      }
    }
    // Any policy may add capacity; capacity is removed only when every policy would remove it.
    return out.isPresent() ? out : everyPolicyScalesIn ? in : Optional.empty();
  }

  private static Optional<Decision> scaleOut(ScalableTarget target, TargetTrackingPolicy policy, long current,
      Instant now, LongToDoubleFunction consumed, long firstMinute, long thisMinute) {
    if (target.suspended().dynamicScalingOut() || thisMinute - SCALE_OUT_MINUTES < firstMinute
        || coolingDown(target, Direction.OUT, policy.scaleOutCooldown(), now)) {
      return Optional.empty();
    }
    double busiest = 0;
    for (long minute = thisMinute - SCALE_OUT_MINUTES; minute < thisMinute; minute++) {
      double units = consumed.applyAsDouble(minute);
      if (utilization(units, current) <= policy.targetValue()) {
        return Optional.empty();
      }
      busiest = Math.max(busiest, units);
    }
    long capacity = Math.min(target.maxCapacity(), needed(busiest, policy));
    return capacity > current ? Optional.of(new Decision(capacity, Direction.OUT, alarm(policy, "AlarmHigh")))
        : Optional.empty();
  }

  private static Optional<Decision> scaleIn(ScalableTarget target, TargetTrackingPolicy policy, long current,
      Instant now, LongToDoubleFunction consumed, long firstMinute, long thisMinute) {
    if (policy.scaleInDisabled() || target.suspended().dynamicScalingIn()
        || thisMinute - SCALE_IN_MINUTES < firstMinute
        || coolingDown(target, Direction.IN, policy.scaleInCooldown(), now)) {
      return Optional.empty();
    }
    double busiest = 0;
    for (long minute = thisMinute - SCALE_IN_MINUTES; minute < thisMinute; minute++) {
      double units = consumed.applyAsDouble(minute);
      if (utilization(units, current) >= policy.targetValue() - SCALE_IN_MARGIN) {
        return Optional.empty();
      }
      busiest = Math.max(busiest, units);
    }
    long capacity = Math.max(target.minCapacity(), needed(busiest, policy));
    return capacity < current ? Optional.of(new Decision(capacity, Direction.IN, alarm(policy, "AlarmLow")))
        : Optional.empty();
  }

  /** The first whole minute after the policy was put and after the target last scaled. */
  private static long firstMinute(ScalableTarget target, TargetTrackingPolicy policy) {
    Instant since = target.activities().stream()
        .map(ScalingActivity::endTime)
        .max(Comparator.naturalOrder())
        .filter(last -> last.isAfter(policy.creationTime()))
        .orElse(policy.creationTime());
    return Math.floorDiv(since.toEpochMilli() + MINUTE_MILLIS - 1, MINUTE_MILLIS);
  }

  private static boolean coolingDown(ScalableTarget target, Direction direction, @Nullable Integer cooldownSeconds,
      Instant now) {
    long seconds = cooldownSeconds == null ? 0 : cooldownSeconds;
    return target.lastScaled(direction).filter(last -> now.isBefore(last.plus(Duration.ofSeconds(seconds))))
        .isPresent();
  }

  /** Percent of the provisioned capacity that a minute's units used. */
  private static double utilization(double unitsInMinute, long capacity) {
    return unitsInMinute / 60 / capacity * 100;
  }

  /** The capacity at which a minute of {@code unitsInMinute} would have met the policy's target. */
  private static long needed(double unitsInMinute, TargetTrackingPolicy policy) {
    return Math.max(1, (long) Math.ceil(unitsInMinute / 60 * 100 / policy.targetValue()));
  }

  /** The cause as the service words it, naming the CloudWatch alarm it would have created. */
  private static String alarm(TargetTrackingPolicy policy, String alarm) {
    return "monitor alarm TargetTracking-" + policy.name() + "-" + alarm + " in state ALARM triggered policy "
        + policy.name();
  }
}
