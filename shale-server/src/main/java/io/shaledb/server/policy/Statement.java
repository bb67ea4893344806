package io.shaledb.server.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy.
 *
 * @param principal who a resource policy's statement speaks of; null in identity policies, which speak of their user
 */
public record Statement(Effect effect, NameMatch actions, NameMatch resources, @Nullable PrincipalMatch principal,
    List<Condition> conditions) {
  public Statement {
    conditions = List.copyOf(conditions);
  }

  /** Whether the statement applies to {@code request}: action, resource, principal and every condition match. */
  boolean applies(AccessRequest request) {
    if (!actions.matches(request.action()) || !resources.matches(request.resource())) {
      return false;
    }
    if (principal != null && !principal.matches(request.caller())) {
      return false;
    }
    for (Condition condition : conditions) {
      if (!condition.holds(request.facts())) {
        return false;
      }
    }
    return true;
  }
}
