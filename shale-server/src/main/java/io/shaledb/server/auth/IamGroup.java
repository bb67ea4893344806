package io.shaledb.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group of users, as IAM groups them: its inline policies apply to every member, beside the member's own.
 *
 * @param members the members' names, sorted
 * @param policies the inline policies by name, with their documents
 */
public record IamGroup(String name, String accountId, Instant created, List<String> members,
    Map<String, String> policies) {

  public IamGroup {
    members = List.copyOf(members);
    policies = Map.copyOf(policies);
  }

  /** {@code arn:aws:iam::<account>:group/<name>}, what IAM's group actions are authorized on. */
  public String arn() {
    return "arn:aws:iam::" + accountId + ":group/" + name;
  }
}
