package io.shaledb.server.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * What decides a user's requests: its inline identity policies, by name, and its tags, which policies read as
 * {@code aws:PrincipalTag/<key>}.
 */
public record UserAccess(Map<String, String> policies, Map<String, String> tags) {
  public static final UserAccess NONE = new UserAccess(Map.of(), Map.of());

  public UserAccess {
    policies = Map.copyOf(policies);
    tags = Map.copyOf(tags);
  }

  public UserAccess withPolicy(String name, String document) {
    Map<String, String> changed = new TreeMap<>(policies);
    changed.put(name, document);
    return new UserAccess(changed, tags);
  }

  public UserAccess withoutPolicy(String name) {
    Map<String, String> changed = new TreeMap<>(policies);
    changed.remove(name);
    return new UserAccess(changed, tags);
  }

  public UserAccess withTags(Map<String, String> added) {
    Map<String, String> changed = new TreeMap<>(tags);
    changed.putAll(added);
    return new UserAccess(policies, changed);
  }

  public UserAccess withoutTags(Iterable<String> keys) {
    Map<String, String> changed = new TreeMap<>(tags);
    keys.forEach(changed::remove);
    return new UserAccess(policies, changed);
  }
}
