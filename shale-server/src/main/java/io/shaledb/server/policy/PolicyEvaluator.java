package io.shaledb.server.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * IAM's evaluation logic for a principal and a resource of the same account
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an applicable Deny in
 * any policy decides; otherwise an applicable Allow in an identity policy or in the resource's policy allows (within
 * one account either suffices); otherwise the request is denied by default.
 */
public final class PolicyEvaluator {
  private PolicyEvaluator() {}

  public static Decision decide(AccessRequest request, List<PolicyDocument> identityPolicies,
      @Nullable PolicyDocument resourcePolicy) {
    boolean allowed = false;
    for (PolicyDocument policy : identityPolicies) {
      Decision decision = decide(request, policy, Decision.DENIED_BY_IDENTITY_POLICY);
      if (decision == Decision.DENIED_BY_IDENTITY_POLICY) {
        return decision;
      }
      allowed |= decision == Decision.ALLOWED;
    }
    if (resourcePolicy != null) {
      Decision decision = decide(request, resourcePolicy, Decision.DENIED_BY_RESOURCE_POLICY);
      if (decision == Decision.DENIED_BY_RESOURCE_POLICY) {
        return decision;
      }
      allowed |= decision == Decision.ALLOWED;
    }
    return allowed ? Decision.ALLOWED : Decision.NOT_ALLOWED;
  }

  /** What one policy says: {@code denial} when a Deny applies, else whether an Allow does. */
  private static Decision decide(AccessRequest request, PolicyDocument policy, Decision denial) {
    Decision decision = Decision.NOT_ALLOWED;
    for (Statement statement : policy.statements()) {
      if (statement.applies(request)) {
        if (statement.effect() == Effect.DENY) {
          return denial;
        }
        decision = Decision.ALLOWED;
      }
    }
    return decision;
  }
}
