package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.autoscaling.TargetTrackingPolicy;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import java.util.ArrayList;
import java.util.List;

/** DescribeScalingPolicies: the policies of the namespace's targets, filtered by resource, dimension and name. */
public final class DescribeScalingPolicies implements Operation<DescribeInput, Page<DescribeScalingPolicies.Found>> {
  private final Database db;

  public DescribeScalingPolicies(Database db) {
    this.db = db;
  }

  /** A policy with the target it belongs to. */
  public record Found(ScalableTarget target, TargetTrackingPolicy policy) {}

  @Override
  public void validate(DescribeInput in) {
    Described.checkDeclared(in);
  }

  @Override
  public Page<Found> execute(DescribeInput in, RequestContext context) {
    List<String> names = in.policyNames();
    List<Found> found = new ArrayList<>();
    for (ScalableTarget target : Described.targets(db, in)) {
      for (TargetTrackingPolicy policy : target.policies()) {
        if (names == null || names.isEmpty() || names.contains(policy.name())) {
          found.add(new Found(target, policy));
        }
      }
    }
    return Page.of(found, in.maxResults(), in.nextToken());
  }
}
