package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;

/** DeleteScalingPolicy: removes one policy of a target; the target and its capacity stay. */
public final class DeleteScalingPolicy implements Operation<TargetKeyInput, Void> {
  private final Database db;

  public DeleteScalingPolicy(Database db) {
    this.db = db;
  }

  @Override
  public void validate(TargetKeyInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("policyName", in.policyName());
    v.length("policyName", in.policyName(), 1, PutScalingPolicy.MAX_POLICY_NAME);
    TargetAddress.checkRequired(v, in.serviceNamespace(), in.resourceId(), in.scalableDimension());
    v.throwIfAny();
  }

  @Override
  @SuppressWarnings("NullAway") // Void's only value
  public Void execute(TargetKeyInput in, RequestContext context) {
    TargetAddress address = TargetAddress.of(in.serviceNamespace(), in.resourceId(),
        in.scalableDimension());
    String name = Validated.present(in.policyName());
    db.catalog().change(change -> {
      ScalableTargets.Located located = address.find(change)
          .filter(target -> target.target().policy(name).isPresent())
          .orElseThrow(() -> notFound(address, name));
      ScalableTargets.put(change.storage(), located.keyspace(), located.target().withoutPolicy(name));
      return located;
    });
    return null;
  }

  private static DynamoException notFound(TargetAddress address, String name) {
    return new DynamoException(ErrorCode.OBJECT_NOT_FOUND, "No scaling policy found for service namespace: "
        + TargetAddress.NAMESPACE + ", resource ID: " + address.resource().resourceId() + ", scalable dimension: "
        + address.dimension().text() + ", policy name: " + name);
  }
}
