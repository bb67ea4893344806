package io.shaledb.core.op.autoscaling;

import org.jspecify.annotations.Nullable;

/** The request of DeregisterScalableTarget, and with a policy name DeleteScalingPolicy's: which target (policy). */
public record TargetKeyInput(
    @Nullable String serviceNamespace,
    @Nullable String resourceId,
    @Nullable String scalableDimension,
    @Nullable String policyName) {}
