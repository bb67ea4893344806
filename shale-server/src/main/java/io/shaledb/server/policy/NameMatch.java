package io.shaledb.server.policy;

import java.util.List;

/** What a statement's Action or Resource names ({@link Listed}), or its NotAction or NotResource ({@link AllExcept}). */
public sealed interface NameMatch {

  boolean matches(String name);

  /** Action or Resource: any of the patterns. */
  record Listed(List<Wildcard> patterns) implements NameMatch {
    public Listed {
      patterns = List.copyOf(patterns);
    }

    @Override
    public boolean matches(String name) {
      for (Wildcard pattern : patterns) {
        if (pattern.matches(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /** NotAction or NotResource: everything but the patterns. */
  record AllExcept(List<Wildcard> patterns) implements NameMatch {
    public AllExcept {
      patterns = List.copyOf(patterns);
    }

    @Override
    public boolean matches(String name) {
      return !new Listed(patterns).matches(name);
    }
  }
}
