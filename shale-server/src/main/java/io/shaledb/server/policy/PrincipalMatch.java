package io.shaledb.server.policy;

import java.util.List;

/** The Principal of a resource policy's statement: who it speaks of. */
public sealed interface PrincipalMatch {

  boolean matches(Caller caller);

  /** {@code "*"} or {@code {"AWS": "*"}}: anyone. */
  record Anyone() implements PrincipalMatch {
    @Override
    public boolean matches(Caller caller) {
      return true;
    }
  }

  /**
   * {@code {"AWS": [...]}}: user ARNs, or accounts, named by id or as {@code arn:aws:iam::<account>:root}, which
   * stand for every principal of the account.
   */
  record Listed(List<String> principals) implements PrincipalMatch {
    public Listed {
      principals = List.copyOf(principals);
    }

    @Override
    public boolean matches(Caller caller) {
      for (String principal : principals) {
        if (principal.equals(caller.arn()) || principal.equals(caller.accountId())
            || principal.equals("arn:aws:iam::" + caller.accountId() + ":root")) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * {@code NotPrincipal}: everyone but those named. IAM's use is a Deny that spares the principals it names
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
   */
  record AllExcept(PrincipalMatch excepted) implements PrincipalMatch {
    @Override
    public boolean matches(Caller caller) {
      return !excepted.matches(caller);
    }
  }
}
