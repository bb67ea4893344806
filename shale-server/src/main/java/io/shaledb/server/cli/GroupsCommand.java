package io.shaledb.server.cli;

import io.shaledb.server.auth.IamGroup;
import io.shaledb.server.auth.UserAdministration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shaledb groups ...}: groups of users whose inline policies apply to every member, as IAM's groups, managed
 * like users ({@link UsersCommand}): through a running server's admin API with {@code --endpoint}, else in a data
 * directory no server holds.
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
    description = "Manage groups of users: a group's policies apply to each member, beside its own. On a running"
        + " server with --endpoint URL, else in a data directory (stop the server first).",
    subcommands = {GroupsCommand.Create.class, GroupsCommand.ListGroups.class, GroupsCommand.Members.class,
        GroupsCommand.Delete.class, GroupsCommand.AddUser.class, GroupsCommand.RemoveUser.class,
        GroupsCommand.PutPolicy.class, GroupsCommand.DeletePolicy.class})
final class GroupsCommand {

  /** A command on one group. */
  abstract static class GroupCommand extends UsersCommand.StoreCommand {
    @Parameters(index = "0", paramLabel = "GROUP") String group = "";
  }

  /** A command on one group and one user. */
  abstract static class MemberCommand extends GroupCommand {
    @Parameters(index = "1", paramLabel = "USER") String user = "";
  }

  /** A command on one group and one of its policies. */
  abstract static class PolicyCommand extends GroupCommand {
    @Parameters(index = "1", paramLabel = "POLICY_NAME") String policyName = "";
  }

  private static String line(IamGroup group) {
    return group.name() + "\t" + group.arn() + "\t" + group.created() + "\n";
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a group (IAM's CreateGroup).")
  static final class Create extends GroupCommand {
    @Override
    String run(UserAdministration principals) {
      return line(principals.createGroup(group));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the groups.")
  static final class ListGroups extends UsersCommand.StoreCommand {
    @Override
    String run(UserAdministration principals) {
      StringBuilder out = new StringBuilder();
      principals.listGroups().forEach(group -> out.append(line(group)));
      return out.toString();
    }
  }

  @Command(name = "members", mixinStandardHelpOptions = true, description = "List the users in a group.")
  static final class Members extends GroupCommand {
    @Override
    String run(UserAdministration principals) {
      StringBuilder out = new StringBuilder();
      principals.group(group).members().forEach(member -> out.append(member).append('\n'));
      return out.toString();
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a group (its members removed and its policies deleted first, as IAM requires).")
  static final class Delete extends GroupCommand {
    @Override
    String run(UserAdministration principals) {
      principals.deleteGroup(group);
      return "";
    }
  }

  @Command(name = "add-user", mixinStandardHelpOptions = true, description = "Add a user to a group.")
  static final class AddUser extends MemberCommand {
    @Override
    String run(UserAdministration principals) {
      principals.addUserToGroup(group, user);
      return "";
    }
  }

  @Command(name = "remove-user", mixinStandardHelpOptions = true, description = "Remove a user from a group.")
  static final class RemoveUser extends MemberCommand {
    @Override
    String run(UserAdministration principals) {
      principals.removeUserFromGroup(group, user);
      return "";
    }
  }

  @Command(name = "put-policy", mixinStandardHelpOptions = true,
      description = "Add or replace an inline policy of a group (IAM's PutGroupPolicy); it applies to every member's"
          + " next request.")
  static final class PutPolicy extends PolicyCommand {
    @Option(names = "--policy-document", required = true, paramLabel = "JSON|@FILE",
        description = "The policy document, or @ and the file holding it.")
    String document = "";

    @Override
    String run(UserAdministration principals) {
      principals.putGroupPolicy(group, policyName, UsersCommand.document(document));
      return "";
    }
  }

  @Command(name = "delete-policy", mixinStandardHelpOptions = true, description = "Delete an inline policy of a group.")
  static final class DeletePolicy extends PolicyCommand {
    @Override
    String run(UserAdministration principals) {
      principals.deleteGroupPolicy(group, policyName);
      return "";
    }
  }
}
