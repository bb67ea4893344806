package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.Optional;

/** PutResourcePolicy: attaches a policy to a table or a stream, or replaces its policy, in one catalog change. */
public final class PutResourcePolicy implements Operation<PutResourcePolicyInput, ResourcePolicyOutput> {
  private final Database db;

  public PutResourcePolicy(Database db) {
    this.db = db;
  }

  @Override
  public void validate(PutResourcePolicyInput in) {
    ConstraintViolations v = new ConstraintViolations();
    ResourceArns.checkDeclared(v, in.resourceArn());
    v.notNull("policy", in.policy());
    ResourcePolicies.checkDeclared(v, in.expectedRevisionId());
    v.throwIfAny();
  }

  @Override
  public ResourcePolicyOutput execute(PutResourcePolicyInput in, RequestContext context) {
    ResourceArns.checkFormat(db, Validated.present(in.resourceArn()));
    ResourcePolicies.checkDocument(Validated.present(in.policy()));
    Instant now = db.clock().instant();
    String arn = Validated.present(in.resourceArn());
    ResourcePolicy attached = db.catalog().change(change -> {
      Optional<ResourcePolicy> current = ResourceArns.policy(db, change, arn);
      ResourcePolicies.checkExpected(in.expectedRevisionId(), current, arn);
      ResourcePolicy next = ResourcePolicies.next(current, Validated.present(in.policy()), now);
      ResourceArns.setPolicy(db, change, arn, Optional.of(next));
      return next;
    });
    return new ResourcePolicyOutput(null, attached.revisionId());
  }
}
