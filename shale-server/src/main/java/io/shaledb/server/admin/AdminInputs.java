package io.shaledb.server.admin;

import io.shaledb.server.policy.AdminCall;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The admin API's requests, as decoded: every member may be absent until validated. */
public final class AdminInputs {
  private AdminInputs() {}

  private static @Nullable String user(@Nullable String userName) {
    return userName == null ? null : "user/" + userName;
  }

  private static @Nullable String group(@Nullable String groupName) {
    return groupName == null ? null : "group/" + groupName;
  }

  /**
   * CreateUser, with two members of ShaleDB's own that make the user and what it needs in one change: the
   * AdministratorAccess inline policy, and a first access key (a server's first user cannot get its key otherwise,
   * since with a user every request must be signed by one).
   */
  public record CreateUser(@Nullable String userName, @Nullable Boolean administratorAccess,
      @Nullable Boolean createAccessKey) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return user(userName);
    }
  }

  /** The calls naming one user only: DeleteUser, CreateAccessKey, ListAccessKeys, ListUserPolicies. */
  public record OfUser(@Nullable String userName) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return user(userName);
    }
  }

  /** ListUsers and ListGroups. */
  public record ListAll() implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return null;
    }
  }

  /** UpdateAccessKey (with its status) and DeleteAccessKey. */
  public record AccessKey(@Nullable String userName, @Nullable String accessKeyId, @Nullable String status)
      implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return user(userName);
    }
  }

  /** PutUserPolicy (with its document), GetUserPolicy and DeleteUserPolicy. */
  public record UserPolicy(@Nullable String userName, @Nullable String policyName, @Nullable String policyDocument)
      implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return user(userName);
    }
  }

  public record TagUser(@Nullable String userName, @Nullable Map<String, String> tags) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return user(userName);
    }
  }

  /** The calls naming one group only: CreateGroup, DeleteGroup, GetGroup. */
  public record OfGroup(@Nullable String groupName) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return group(groupName);
    }
  }

  /** AddUserToGroup and RemoveUserFromGroup, which IAM authorizes on the group. */
  public record GroupMember(@Nullable String groupName, @Nullable String userName) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return group(groupName);
    }
  }

  /** PutGroupPolicy (with its document) and DeleteGroupPolicy. */
  public record GroupPolicy(@Nullable String groupName, @Nullable String policyName,
      @Nullable String policyDocument) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return group(groupName);
    }
  }

  /** STS's GetSessionToken, for the caller itself. */
  public record GetSessionToken(@Nullable Long durationSeconds) implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return null;
    }

    @Override
    public boolean open() {
      return true;
    }
  }
}
