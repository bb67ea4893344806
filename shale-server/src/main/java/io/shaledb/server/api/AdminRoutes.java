package io.shaledb.server.api;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.server.admin.AdminOperations;
import io.shaledb.server.admin.DescribeCluster;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.json.AdminJson;
import io.shaledb.server.json.ClusterJson;
import io.shaledb.server.json.TableJson;
import java.util.Map;

/**
 * The admin API's routes, under their own X-Amz-Target prefix on the DynamoDB endpoint: signed and verified as every
 * call is, and authorized by the caller's policies as IAM's actions ({@code iam:CreateUser} on the user's ARN, ...),
 * so only a user whose policies allow them (an administrator) can manage users; and ShaleDB's own DescribeCluster
 * ({@code shaledb:DescribeCluster}).
 */
final class AdminRoutes {
  private AdminRoutes() {}

  /** The routes over the principal store, and DescribeCluster over the server's storage engine. */
  static Map<String, Route<?, ?>> over(PrincipalStore store, StorageEngine engine) {
    AdminOperations admin = new AdminOperations(store);
    return Map.ofEntries(
        Map.entry("CreateUser", new Route<>(AdminJson::readCreateUser, admin.createUser(), AdminJson::writeNewUser)),
        Map.entry("ListUsers", new Route<>(AdminJson::readListAll, admin.listUsers(), AdminJson::writeUsers)),
        Map.entry("DeleteUser", new Route<>(AdminJson::readOfUser, admin.deleteUser(), TableJson::writeEmpty)),
        Map.entry("CreateAccessKey", new Route<>(AdminJson::readOfUser, admin.createAccessKey(),
            AdminJson::writeNewAccessKey)),
        Map.entry("ListAccessKeys", new Route<>(AdminJson::readOfUser, admin.listAccessKeys(),
            AdminJson::writeAccessKeys)),
        Map.entry("UpdateAccessKey", new Route<>(AdminJson::readAccessKey, admin.updateAccessKey(),
            TableJson::writeEmpty)),
        Map.entry("DeleteAccessKey", new Route<>(AdminJson::readAccessKey, admin.deleteAccessKey(),
            TableJson::writeEmpty)),
        Map.entry("PutUserPolicy", new Route<>(AdminJson::readUserPolicy, admin.putUserPolicy(),
            TableJson::writeEmpty)),
        Map.entry("GetUserPolicy", new Route<>(AdminJson::readUserPolicy, admin.getUserPolicy(),
            AdminJson::writeUserPolicy)),
        Map.entry("ListUserPolicies", new Route<>(AdminJson::readOfUser, admin.listUserPolicies(),
            AdminJson::writePolicyNames)),
        Map.entry("DeleteUserPolicy", new Route<>(AdminJson::readUserPolicy, admin.deleteUserPolicy(),
            TableJson::writeEmpty)),
        Map.entry("TagUser", new Route<>(AdminJson::readTagUser, admin.tagUser(), TableJson::writeEmpty)),
        Map.entry("CreateGroup", new Route<>(AdminJson::readOfGroup, admin.createGroup(), AdminJson::writeNewGroup)),
        Map.entry("DeleteGroup", new Route<>(AdminJson::readOfGroup, admin.deleteGroup(), TableJson::writeEmpty)),
        Map.entry("GetGroup", new Route<>(AdminJson::readOfGroup, admin.getGroup(),
            AdminJson::writeGroupWithMembers)),
        Map.entry("ListGroups", new Route<>(AdminJson::readListAll, admin.listGroups(), AdminJson::writeGroups)),
        Map.entry("AddUserToGroup", new Route<>(AdminJson::readGroupMember, admin.addUserToGroup(),
            TableJson::writeEmpty)),
        Map.entry("RemoveUserFromGroup", new Route<>(AdminJson::readGroupMember, admin.removeUserFromGroup(),
            TableJson::writeEmpty)),
        Map.entry("PutGroupPolicy", new Route<>(AdminJson::readGroupPolicy, admin.putGroupPolicy(),
            TableJson::writeEmpty)),
        Map.entry("DeleteGroupPolicy", new Route<>(AdminJson::readGroupPolicy, admin.deleteGroupPolicy(),
            TableJson::writeEmpty)),
        Map.entry("GetSessionToken", new Route<>(AdminJson::readGetSessionToken, admin.getSessionToken(),
            AdminJson::writeSessionCredentials)),
        Map.entry("DescribeCluster", new Route<>(ClusterJson::readDescribeCluster, new DescribeCluster(engine),
            ClusterJson::writeClusterStatus)));
  }
}
