package io.shaledb.server.admin;

import io.shaledb.server.policy.AdminCall;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The admin API's requests, as decoded: every member may be absent until validated. */
public final class AdminInputs {
  private AdminInputs() {}

  /** A call on one user, authorized on the user's ARN. */
  interface OnUser extends AdminCall {
    @Nullable String userName();

    @Override
    default @Nullable String iamResource() {
      return userName() == null ? null : "user/" + userName();
    }
  }

  /** A call on one group, authorized on the group's ARN (AddUserToGroup too, as IAM authorizes it). */
  interface OnGroup extends AdminCall {
    @Nullable String groupName();

    @Override
    default @Nullable String iamResource() {
      return groupName() == null ? null : "group/" + groupName();
    }
  }

  /**
   * CreateUser, with two members of ShaleDB's own that make the user and what it needs in one change: the
   * AdministratorAccess inline policy, and a first access key (a server's first user cannot get its key otherwise,
   * since with a user every request must be signed by one).
   */
  public record CreateUser(@Nullable String userName, @Nullable Boolean administratorAccess,
      @Nullable Boolean createAccessKey) implements OnUser {}

  /** The calls naming one user only: DeleteUser, CreateAccessKey, ListAccessKeys, ListUserPolicies. */
  public record OfUser(@Nullable String userName) implements OnUser {}

  /** ListUsers and ListGroups. */
  public record ListAll() implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return null;
    }
  }

  /** UpdateAccessKey (with its status) and DeleteAccessKey. */
  public record AccessKey(@Nullable String userName, @Nullable String accessKeyId, @Nullable String status)
      implements OnUser {}

  /** PutUserPolicy (with its document), GetUserPolicy and DeleteUserPolicy. */
  public record UserPolicy(@Nullable String userName, @Nullable String policyName, @Nullable String policyDocument)
      implements OnUser {}

  public record TagUser(@Nullable String userName, @Nullable Map<String, String> tags) implements OnUser {}

  /** The calls naming one group only: CreateGroup, DeleteGroup, GetGroup. */
  public record OfGroup(@Nullable String groupName) implements OnGroup {}

  /** AddUserToGroup and RemoveUserFromGroup, which IAM authorizes on the group. */
  public record GroupMember(@Nullable String groupName, @Nullable String userName) implements OnGroup {}

  /** PutGroupPolicy (with its document) and DeleteGroupPolicy. */
  public record GroupPolicy(@Nullable String groupName, @Nullable String policyName,
      @Nullable String policyDocument) implements OnGroup {}

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

  /** DescribeCluster: ShaleDB's own call, the action {@code shaledb:DescribeCluster} on {@code *}. */
  public record DescribeCluster() implements AdminCall {
    @Override
    public @Nullable String iamResource() {
      return null;
    }

    @Override
    public String service() {
      return "shaledb";
    }
  }
}
