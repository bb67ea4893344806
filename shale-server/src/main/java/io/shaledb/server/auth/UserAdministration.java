package io.shaledb.server.auth;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator does to users, their access keys, groups and inline policies, as IAM's operations of the
 * same names do: on a data directory ({@link PrincipalStore}) or through a running server's admin API. Errors are IAM's
 * ({@code NoSuchEntity}, {@code EntityAlreadyExists}, ...) as {@link io.shaledb.core.error.DynamoException}.
 */
public interface UserAdministration {

  /** A user just made, with its first access key when one was asked for. */
  record NewUser(IamUser user, @Nullable NewAccessKey key) {}

  /**
   * A new user, in one change: with {@code administrator} the inline policy {@link PrincipalStore#ADMINISTRATOR_POLICY}
   * (else none, IAM's default deny), with {@code withKey} an active access key.
   */
  NewUser createUser(String name, boolean administrator, boolean withKey);

  List<IamUser> listUsers();

  void deleteUser(String name);

  NewAccessKey createAccessKey(String userName);

  List<AccessKey> listAccessKeys(String userName);

  void setStatus(String userName, String accessKeyId, AccessKeyStatus status);

  void deleteAccessKey(String userName, String accessKeyId);

  void putUserPolicy(String userName, String policyName, String document);

  /** The document of an inline policy of a user. */
  String userPolicy(String userName, String policyName);

  List<String> userPolicyNames(String userName);

  void deleteUserPolicy(String userName, String policyName);

  void tagUser(String userName, Map<String, String> tags);

  IamGroup createGroup(String name);

  void deleteGroup(String name);

  List<IamGroup> listGroups();

  /** A group with its members. */
  IamGroup group(String name);

  void addUserToGroup(String groupName, String userName);

  void removeUserFromGroup(String groupName, String userName);

  void putGroupPolicy(String groupName, String policyName, String document);

  void deleteGroupPolicy(String groupName, String policyName);
}
