package io.shaledb.core.op.autoscaling;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The request of DescribeScalableTargets (ResourceIds), DescribeScalingPolicies (ResourceId, PolicyNames) and
 * DescribeScalingActivities (ResourceId): the namespace and filters, as decoded; any member may be null.
 */
public record DescribeInput(
    @Nullable String serviceNamespace,
    @Nullable List<String> resourceIds,
    @Nullable String resourceId,
    @Nullable String scalableDimension,
    @Nullable List<String> policyNames,
    @Nullable Long maxResults,
    @Nullable String nextToken) {}
