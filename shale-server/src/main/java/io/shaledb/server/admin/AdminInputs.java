package io.shaledb.server.admin;

import io.shaledb.server.policy.AdminCall;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The admin API's requests, as decoded: every member may be absent until validated. */
public final class AdminInputs {
  private AdminInputs() {}

  /**
   * CreateUser, with two members of ShaleDB's own that make the user and what it needs in one change: the
   * AdministratorAccess inline policy, and a first access key (a server's first user cannot get its key otherwise,
   * since with a user every request must be signed by one).
   */
  public record CreateUser(@Nullable String userName, @Nullable Boolean administratorAccess,
      @Nullable Boolean createAccessKey) implements AdminCall {}

  /** The calls naming one user only: DeleteUser, CreateAccessKey, ListAccessKeys, ListUserPolicies. */
  public record OfUser(@Nullable String userName) implements AdminCall {}

  public record ListUsers() implements AdminCall {
    @Override
    public @Nullable String userName() {
      return null;
    }
  }

  /** UpdateAccessKey (with its status) and DeleteAccessKey. */
  public record AccessKey(@Nullable String userName, @Nullable String accessKeyId, @Nullable String status)
      implements AdminCall {}

  /** PutUserPolicy (with its document), GetUserPolicy and DeleteUserPolicy. */
  public record UserPolicy(@Nullable String userName, @Nullable String policyName, @Nullable String policyDocument)
      implements AdminCall {}

  public record TagUser(@Nullable String userName, @Nullable Map<String, String> tags) implements AdminCall {}

  /** STS's GetSessionToken, for the caller itself. */
  public record GetSessionToken(@Nullable Long durationSeconds) implements AdminCall {
    @Override
    public @Nullable String userName() {
      return null;
    }

    @Override
    public boolean open() {
      return true;
    }
  }
}
