package io.shaledb.server.policy;

import org.jspecify.annotations.Nullable;

/**
 * A call of ShaleDB's admin API ({@code io.shaledb.server.admin}), authorized as IAM authorizes its operations: the
 * action {@code iam:<operation>} on the user or group it acts on ({@code shaledb:<operation>} for ShaleDB's own).
 */
public interface AdminCall {

  /**
   * What the call acts on, as its IAM ARN names it after the account ({@code user/NAME}, {@code group/NAME}), or
   * null for a call on no one user or group (ListUsers), checked on {@code *}.
   */
  @Nullable String iamResource();

  /**
   * The service prefix of the call's action: IAM's for IAM's and STS's operations, {@code shaledb} for ShaleDB's own
   * (DescribeCluster), which no IAM policy would name.
   */
  default String service() {
    return "iam";
  }

  /** Whether every verified user may make the call, as STS lets any user call GetSessionToken. */
  default boolean open() {
    return false;
  }
}
