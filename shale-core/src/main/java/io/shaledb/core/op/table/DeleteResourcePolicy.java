package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * DeleteResourcePolicy: removes a table's or a stream's policy and answers the revision it had; a table without a policy is
 * answered without a revision id, as the API reference describes, unless a revision was expected.
 */
public final class DeleteResourcePolicy implements Operation<ResourcePolicyInput, ResourcePolicyOutput> {
  private final Database db;

  public DeleteResourcePolicy(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ResourcePolicyInput in) {
    ConstraintViolations v = new ConstraintViolations();
    ResourceArns.checkDeclared(v, in.resourceArn());
    ResourcePolicies.checkDeclared(v, in.expectedRevisionId());
    v.throwIfAny();
  }

  @Override
  public ResourcePolicyOutput execute(ResourcePolicyInput in, RequestContext context) {
    ResourceArns.checkFormat(db, Validated.present(in.resourceArn()));
    String arn = Validated.present(in.resourceArn());
    Optional<ResourcePolicy> removed = db.catalog().change(change -> {
      Optional<ResourcePolicy> current = ResourceArns.policy(db, change, arn);
      ResourcePolicies.checkExpected(in.expectedRevisionId(), current, arn);
      if (current.isPresent()) {
        ResourceArns.setPolicy(db, change, arn, Optional.empty());
      }
      return current;
    });
    return new ResourcePolicyOutput(null, removed.map(ResourcePolicy::revisionId).orElse(null));
  }
}
