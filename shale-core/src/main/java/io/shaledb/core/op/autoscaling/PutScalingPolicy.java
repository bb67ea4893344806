package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.autoscaling.TargetTrackingPolicy;
import io.shaledb.core.autoscaling.TargetTrackingPolicy.PredefinedMetric;
import io.shaledb.core.background.Service;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.autoscaling.PutScalingPolicyInput.TargetTracking;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * PutScalingPolicy: creates or replaces a target-tracking policy on a registered target, on the predefined metric
 * that measures the target's dimension (DynamoDBReadCapacityUtilization for read capacity,
 * DynamoDBWriteCapacityUtilization for write). Step scaling, predictive scaling and customized metrics are refused:
 * DynamoDB auto scaling uses target tracking on these metrics only.
 */
public final class PutScalingPolicy implements Operation<PutScalingPolicyInput, String> {
  static final int MAX_POLICY_NAME = 256;
  static final List<String> POLICY_TYPES = List.of("StepScaling", "TargetTrackingScaling", "PredictiveScaling");
  /** The range of target utilization DynamoDB auto scaling accepts ("Managing throughput capacity automatically"). */
  static final double MIN_TARGET = 20;
  static final double MAX_TARGET = 90;

  private final Database db;

  public PutScalingPolicy(Database db) {
    this.db = db;
  }

  @Override
  public void validate(PutScalingPolicyInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("policyName", in.policyName());
    v.length("policyName", in.policyName(), 1, MAX_POLICY_NAME);
    TargetAddress.checkRequired(v, in.serviceNamespace(), in.resourceId(), in.scalableDimension());
    if (in.policyType() != null && !POLICY_TYPES.contains(in.policyType())) {
      v.add("'" + in.policyType() + "'", "policyType",
          "Member must satisfy enum value set: [" + String.join(", ", POLICY_TYPES) + "]");
    }
    TargetTracking tracking = in.targetTrackingScalingPolicyConfiguration();
    if (tracking != null) {
      v.notNull("targetTrackingScalingPolicyConfiguration.targetValue", tracking.targetValue());
    }
    v.throwIfAny();
  }

  /** @return the policy's ARN */
  @Override
  public String execute(PutScalingPolicyInput in, RequestContext context) {
    TargetAddress address = TargetAddress.of(in.serviceNamespace(), in.resourceId(),
        in.scalableDimension());
    String name = Validated.present(in.policyName());
    // The service's default policy type is step scaling.
    String type = in.policyType() == null ? "StepScaling" : in.policyType();
    TargetTracking tracking = in.targetTrackingScalingPolicyConfiguration();
    if (!type.equals("TargetTrackingScaling") || in.stepScalingPolicyConfigurationPresent()) {
      throw DynamoException.validation("ShaleDB supports only TargetTrackingScaling policies, as DynamoDB auto"
          + " scaling uses");
    }
    if (tracking == null) {
      throw DynamoException.validation("TargetTrackingScalingPolicyConfiguration is required for a policy of type"
          + " TargetTrackingScaling");
    }
    PredefinedMetric metric = metric(address, tracking);
    double targetValue = Validated.present(tracking.targetValue());
    if (targetValue < MIN_TARGET || targetValue > MAX_TARGET) {
      throw DynamoException.validation("TargetValue must be between 20 and 90 for the predefined metric type "
          + metric.text());
    }
    Instant now = db.clock().instant();
    TargetTrackingPolicy policy = db.catalog().change(change -> {
      ScalableTargets.Located located = address.target(change);
      TargetTrackingPolicy existing = located.target().policy(name).orElse(null);
      TargetTrackingPolicy put = new TargetTrackingPolicy(name, existing != null ? existing.id()
          : UUID.randomUUID().toString(), metric, resourceLabel(tracking), targetValue,
          seconds(tracking.scaleOutCooldown()), seconds(tracking.scaleInCooldown()), tracking.disableScaleIn(),
          existing != null ? existing.creationTime() : now);
      ScalableTargets.put(change.storage(), located.keyspace(), located.target().withPolicy(put));
      return put;
    });
    db.throughput().consumption().watchAlso(address.resource().table());
    db.background().wake(Service.AUTO_SCALING);
    return policy.arn(db.region(), Database.ACCOUNT_ID, address.resource());
  }

  private static PredefinedMetric metric(TargetAddress address, TargetTracking tracking) {
    if (tracking.customizedMetricSpecificationPresent()) {
      throw DynamoException.validation("ShaleDB supports only the predefined metrics of DynamoDB"
          + " (DynamoDBReadCapacityUtilization, DynamoDBWriteCapacityUtilization)");
    }
    PutScalingPolicyInput.PredefinedMetric spec = tracking.predefinedMetricSpecification();
    String type = spec == null ? null : spec.predefinedMetricType();
    if (type == null) {
      throw DynamoException.validation("Either PredefinedMetricSpecification or CustomizedMetricSpecification must"
          + " be specified");
    }
    return PredefinedMetric.of(type).filter(metric -> metric.measures(address.dimension()))
        .orElseThrow(() -> DynamoException.validation("Invalid predefined metric type " + type
            + " for scalable dimension " + address.dimension().text()));
  }

  private static @Nullable String resourceLabel(TargetTracking tracking) {
    PutScalingPolicyInput.PredefinedMetric spec = tracking.predefinedMetricSpecification();
    return spec == null ? null : spec.resourceLabel();
  }

  private static @Nullable Integer seconds(@Nullable Long cooldown) {
    if (cooldown == null) {
      return null;
    }
    if (cooldown < 0 || cooldown > Integer.MAX_VALUE) {
      throw DynamoException.validation("Cooldown must be between 0 and " + Integer.MAX_VALUE + " seconds");
    }
    return cooldown.intValue();
  }
}
