package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.autoscaling.ScalableTarget.SuspendedState;
import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.background.Service;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.autoscaling.RegisterScalableTargetInput.Suspended;
import io.shaledb.core.validate.ConstraintViolations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * RegisterScalableTarget: registers a table's or global index's read or write capacity for scaling within
 * MinCapacity and MaxCapacity, or changes a registered target's bounds, role or suspended state (members left out
 * keep their values). The scaler is woken, so a capacity outside new bounds is brought within them at once, as the
 * service does on registration.
 */
public final class RegisterScalableTarget implements Operation<RegisterScalableTargetInput, String> {
  private final Database db;

  public RegisterScalableTarget(Database db) {
    this.db = db;
  }

  @Override
  public void validate(RegisterScalableTargetInput in) {
    ConstraintViolations v = new ConstraintViolations();
    TargetAddress.checkRequired(v, in.serviceNamespace(), in.resourceId(), in.scalableDimension());
    v.length("roleARN", in.roleArn(), 1, TargetAddress.MAX_RESOURCE_ID);
    v.throwIfAny();
  }

  /** @return the target's ARN */
  @Override
  public String execute(RegisterScalableTargetInput in, RequestContext context) {
    TargetAddress address = TargetAddress.of(in.serviceNamespace(), in.resourceId(),
        in.scalableDimension());
    Instant now = db.clock().instant();
    ScalableTarget registered = db.catalog().change(change -> {
      TargetAddress.Resolved resolved = address.resolve(change).orElseThrow(() -> DynamoException.validation(
          "Unable to find the DynamoDB resource " + address.resource().resourceId()));
      Optional<ScalableTarget> existing = ScalableTargets.find(change.storage(), resolved.keyspace(),
          address.dimension());
      ScalableTarget target = existing.map(current -> updated(current, in))
          .orElseGet(() -> created(address, in, now));
      ScalableTargets.put(change.storage(), resolved.keyspace(), target);
      return target;
    });
    db.background().wake(Service.AUTO_SCALING);
    return registered.arn(db.region(), Database.ACCOUNT_ID);
  }

  private static ScalableTarget created(TargetAddress address, RegisterScalableTargetInput in, Instant now) {
    if (in.minCapacity() == null || in.maxCapacity() == null) {
      throw DynamoException.validation("MinCapacity and MaxCapacity are required for registering a new scalable"
          + " target");
    }
    checkBounds(in.minCapacity(), in.maxCapacity());
    String role = in.roleArn() != null ? in.roleArn() : "arn:aws:iam::" + Database.ACCOUNT_ID
        + ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com"
        + "/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    return new ScalableTarget(address.resource(), address.dimension(), UUID.randomUUID().toString().replace("-", ""),
        in.minCapacity(), in.maxCapacity(), role, now, suspended(SuspendedState.NONE, in.suspendedState()),
        List.of(), List.of());
  }

  private static ScalableTarget updated(ScalableTarget current, RegisterScalableTargetInput in) {
    long min = in.minCapacity() != null ? in.minCapacity() : current.minCapacity();
    long max = in.maxCapacity() != null ? in.maxCapacity() : current.maxCapacity();
    checkBounds(min, max);
    return current.withBounds(min, max, in.roleArn() != null ? in.roleArn() : current.roleArn(),
        suspended(current.suspended(), in.suspendedState()));
  }

  /** DynamoDB's capacities are whole units from one; the service refuses bounds that cross. */
  private static void checkBounds(long min, long max) {
    if (min < 1) {
      throw DynamoException.validation("MinCapacity must be at least 1 for a DynamoDB scalable dimension");
    }
    if (min > max) {
      throw DynamoException.validation("Minimum capacity cannot be greater than maximum capacity");
    }
  }

  private static SuspendedState suspended(SuspendedState current, @Nullable Suspended sent) {
    if (sent == null) {
      return current;
    }
    return new SuspendedState(
        sent.dynamicScalingInSuspended() != null ? sent.dynamicScalingInSuspended() : current.dynamicScalingIn(),
        sent.dynamicScalingOutSuspended() != null ? sent.dynamicScalingOutSuspended() : current.dynamicScalingOut(),
        sent.scheduledScalingSuspended() != null ? sent.scheduledScalingSuspended() : current.scheduledScaling());
  }
}
