package io.shaledb.core.op.autoscaling;

import org.jspecify.annotations.Nullable;

/**
 * PutScalingPolicy's request, as decoded: any member may be null. Of a step scaling configuration and a customized
 * metric only their presence is kept, since ShaleDB refuses them.
 */
public record PutScalingPolicyInput(
    @Nullable String policyName,
    @Nullable String serviceNamespace,
    @Nullable String resourceId,
    @Nullable String scalableDimension,
    @Nullable String policyType,
    @Nullable TargetTracking targetTrackingScalingPolicyConfiguration,
    boolean stepScalingPolicyConfigurationPresent) {

  /** TargetTrackingScalingPolicyConfiguration as sent. */
  public record TargetTracking(
      @Nullable Double targetValue,
      @Nullable PredefinedMetric predefinedMetricSpecification,
      boolean customizedMetricSpecificationPresent,
      @Nullable Long scaleOutCooldown,
      @Nullable Long scaleInCooldown,
      @Nullable Boolean disableScaleIn) {}

  /** PredefinedMetricSpecification as sent. */
  public record PredefinedMetric(@Nullable String predefinedMetricType, @Nullable String resourceLabel) {}
}
