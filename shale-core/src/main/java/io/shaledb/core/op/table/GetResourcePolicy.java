package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;

/** GetResourcePolicy: a table's policy and its revision id, or PolicyNotFoundException when it has none. */
public final class GetResourcePolicy implements Operation<ResourcePolicyInput, ResourcePolicyOutput> {
  private final Database db;

  public GetResourcePolicy(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ResourcePolicyInput in) {
    ConstraintViolations v = new ConstraintViolations();
    ResourceArns.checkDeclared(v, in.resourceArn());
    v.throwIfAny();
  }

  @Override
  public ResourcePolicyOutput execute(ResourcePolicyInput in, RequestContext context) {
    ResourcePolicy policy = ResourceArns.policy(db, Validated.present(in.resourceArn()))
        .orElseThrow(() -> ResourcePolicies.notFound(Validated.present(in.resourceArn())));
    return new ResourcePolicyOutput(policy.document(), policy.revisionId());
  }
}
