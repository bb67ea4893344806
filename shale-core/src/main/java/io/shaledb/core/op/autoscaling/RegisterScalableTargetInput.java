package io.shaledb.core.op.autoscaling;

import org.jspecify.annotations.Nullable;

/** RegisterScalableTarget's request, as decoded: any member may be null. */
public record RegisterScalableTargetInput(
    @Nullable String serviceNamespace,
    @Nullable String resourceId,
    @Nullable String scalableDimension,
    @Nullable Long minCapacity,
    @Nullable Long maxCapacity,
    @Nullable String roleArn,
    @Nullable Suspended suspendedState) {

  /** SuspendedState as sent: a member left out keeps the target's setting (false for a new target). */
  public record Suspended(
      @Nullable Boolean dynamicScalingInSuspended,
      @Nullable Boolean dynamicScalingOutSuspended,
      @Nullable Boolean scheduledScalingSuspended) {}
}
