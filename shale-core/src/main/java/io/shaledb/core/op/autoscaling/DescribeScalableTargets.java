package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;

/** DescribeScalableTargets: the registered targets of the namespace, filtered by ResourceIds and dimension. */
public final class DescribeScalableTargets implements Operation<DescribeInput, Page<ScalableTarget>> {
  private final Database db;

  public DescribeScalableTargets(Database db) {
    this.db = db;
  }

  @Override
  public void validate(DescribeInput in) {
    Described.checkDeclared(in);
  }

  @Override
  public Page<ScalableTarget> execute(DescribeInput in, RequestContext context) {
    return Page.of(Described.targets(db, in), in.maxResults(), in.nextToken());
  }
}
