package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.Optional;

/** PutResourcePolicy: attaches a policy to a table, or replaces its policy, in one catalog change. */
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
    ResourcePolicy attached = db.catalog().change(change -> {
      TableMetadata table = ResourceArns.existingTable(db, change, Validated.present(in.resourceArn()));
      Optional<ResourcePolicy> current = table.options().resourcePolicy();
      ResourcePolicies.checkExpected(in.expectedRevisionId(), current, Validated.present(in.resourceArn()));
      ResourcePolicy next = ResourcePolicies.next(current, Validated.present(in.policy()), now);
      change.putTable(table.withOptions(table.options().withResourcePolicy(Optional.of(next))));
      return next;
    });
    return new ResourcePolicyOutput(null, attached.revisionId());
  }
}
