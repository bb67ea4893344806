package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;

/** DeregisterScalableTarget: removes a target with its policies and activities; the capacity stays as it is. */
public final class DeregisterScalableTarget implements Operation<TargetKeyInput, Void> {
  private final Database db;

  public DeregisterScalableTarget(Database db) {
    this.db = db;
  }

  @Override
  public void validate(TargetKeyInput in) {
    ConstraintViolations v = new ConstraintViolations();
    TargetAddress.checkRequired(v, in.serviceNamespace(), in.resourceId(), in.scalableDimension());
    v.throwIfAny();
  }

  @Override
  @SuppressWarnings("NullAway") // Void's only value
  public Void execute(TargetKeyInput in, RequestContext context) {
    TargetAddress address = TargetAddress.of(in.serviceNamespace(), in.resourceId(),
        in.scalableDimension());
    db.catalog().change(change -> {
      ScalableTargets.Located located = address.target(change);
      ScalableTargets.delete(change.storage(), located.keyspace(), address.dimension());
      return located;
    });
    return null;
  }
}
