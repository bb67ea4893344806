package io.shaledb.core.autoscaling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A registered scalable target: a table's or global index's read or write capacity that Application Auto Scaling
 * keeps within {@code minCapacity} and {@code maxCapacity}, with its policies and its most recent activities (newest
 * first, at most {@link #KEPT_ACTIVITIES}).
 *
 * @param id the unique part of the target's ARN
 */
public record ScalableTarget(
    ScalingResource resource,
    ScalableDimension dimension,
    String id,
    long minCapacity,
    long maxCapacity,
    String roleArn,
    Instant creationTime,
    SuspendedState suspended,
    List<TargetTrackingPolicy> policies,
    List<ScalingActivity> activities) {

  /** How many activities a target keeps; the service keeps six weeks of them, a test needs a few. */
  public static final int KEPT_ACTIVITIES = 100;

  public ScalableTarget {
    policies = List.copyOf(policies);
    activities = List.copyOf(activities);
  }

  /** Which kinds of scaling are suspended. */
  public record SuspendedState(boolean dynamicScalingIn, boolean dynamicScalingOut, boolean scheduledScaling) {
    public static final SuspendedState NONE = new SuspendedState(false, false, false);
  }

  /** The target's ARN. */
  public String arn(String region, String account) {
    return "arn:aws:application-autoscaling:" + region + ":" + account + ":scalable-target/" + id;
  }

  public Optional<TargetTrackingPolicy> policy(String name) {
    return policies.stream().filter(policy -> policy.name().equals(name)).findFirst();
  }

  public ScalableTarget withBounds(long min, long max, String role, SuspendedState state) {
    return new ScalableTarget(resource, dimension, id, min, max, role, creationTime, state, policies, activities);
  }

  /** The target with {@code policy} added, or replacing the policy of its name. */
  public ScalableTarget withPolicy(TargetTrackingPolicy policy) {
    List<TargetTrackingPolicy> next = new ArrayList<>(policies);
    next.removeIf(existing -> existing.name().equals(policy.name()));
    next.add(policy);
    return new ScalableTarget(resource, dimension, id, minCapacity, maxCapacity, roleArn, creationTime, suspended,
        next, activities);
  }

  public ScalableTarget withoutPolicy(String name) {
    List<TargetTrackingPolicy> next = new ArrayList<>(policies);
    next.removeIf(existing -> existing.name().equals(name));
    return new ScalableTarget(resource, dimension, id, minCapacity, maxCapacity, roleArn, creationTime, suspended,
        next, activities);
  }

  /** The target with {@code activity} as its newest, dropping the oldest beyond {@link #KEPT_ACTIVITIES}. */
  public ScalableTarget withActivity(ScalingActivity activity) {
    List<ScalingActivity> next = new ArrayList<>();
    next.add(activity);
    next.addAll(activities.subList(0, Math.min(activities.size(), KEPT_ACTIVITIES - 1)));
    return new ScalableTarget(resource, dimension, id, minCapacity, maxCapacity, roleArn, creationTime, suspended,
        policies, next);
  }

  /** When the target last scaled in {@code direction} successfully, if it has. */
  public Optional<Instant> lastScaled(ScalingActivity.Direction direction) {
    return activities.stream()
        .filter(activity -> activity.direction() == direction && activity.statusCode().equals("Successful"))
        .map(ScalingActivity::endTime)
        .findFirst();
  }
}
