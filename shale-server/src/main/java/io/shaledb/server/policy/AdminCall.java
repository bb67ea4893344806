package io.shaledb.server.policy;

import org.jspecify.annotations.Nullable;

/**
 * A call of ShaleDB's admin API ({@code io.shaledb.server.admin}), authorized as IAM authorizes its operations: the
 * action {@code iam:<operation>} on the user it acts on.
 */
public interface AdminCall {

  /** The user the call acts on, or null for a call on no one user (ListUsers), checked on {@code *}. */
  @Nullable String userName();

  /** Whether every verified user may make the call, as STS lets any user call GetSessionToken. */
  default boolean open() {
    return false;
  }
}
