package io.shaledb.server.cli;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.auth.AccessKey;
import io.shaledb.server.auth.AccessKeyStatus;
import io.shaledb.server.auth.IamUser;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.auth.SecretSealer;
import io.shaledb.server.auth.UserAdministration;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shaledb users ...}: the principal store's users, access keys and policies, changed through a running
 * server's admin API ({@code --endpoint}), or in a data directory while no server holds it (RocksDB lets one process
 * open a directory). Each command is one storage transaction; a new key's secret is printed once, as IAM shows it
 * once.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Manage users, their access keys and policies: on a running server with --endpoint URL (signed with"
        + " --access-key-id/--secret-access-key, default $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY), else in a data"
        + " directory (stop the server first). Once any user exists, the server verifies every request's signature.",
    subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.Delete.class,
        UsersCommand.Keys.class, UsersCommand.PutPolicy.class, UsersCommand.GetPolicy.class,
        UsersCommand.ListPolicies.class, UsersCommand.DeletePolicy.class, UsersCommand.Tag.class,
        UsersCommand.SessionToken.class})
final class UsersCommand {
  /** Where the store is: a running server, or the data directory and the key file that seals secrets. */
  static final class Store {
    @Mixin AdminEndpoint server = new AdminEndpoint();

    @Option(names = "--data-dir", description = "The server's data directory. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory = Path.of("shale-data");

    @Option(names = "--auth-key-file", paramLabel = "FILE",
        description = "The key file that seals secrets (default: $" + SecretSealer.KEY_FILE_VARIABLE
            + ", else ~/.shaledb/auth.key); created with a new key when a key is first created and it is missing.")
    @Nullable Path authKeyFile;

    /**
     * Runs {@code body} on the server's admin API or the data directory's store; a user's mistake, or the server's
     * refusal, is one line on stderr and exit 1.
     */
    int run(CommandSpec spec, Function<UserAdministration, String> body) {
      PrintWriter err = spec.commandLine().getErr();
      URI endpoint = server.endpoint;
      if (endpoint != null) {
        return server.call(spec, endpoint, body::apply);
      }
      if (!Files.isDirectory(dataDirectory)) {
        err.println("no data directory at " + dataDirectory.toAbsolutePath());
        return 1;
      }
      Path keyFile = SecretSealer.keyFile(authKeyFile);
      try (StorageEngine engine = StorageEngines.open(ServerConfig.DURABLE_ENGINE,
          EngineOptions.defaults(dataDirectory.toAbsolutePath()))) {
        PrincipalStore store = new PrincipalStore(engine, SecretSealer.lazily(keyFile),
            Clock.systemUTC(), Database.ACCOUNT_ID);
        return print(spec, body.apply(store));
      } catch (DynamoException | IllegalArgumentException | IllegalStateException e) {
        err.println(e.getMessage());
        return 1;
      }
    }

    private static int print(CommandSpec spec, String output) {
      return AdminEndpoint.print(spec, output);
    }
  }

  /** A command on the store: its options, and what it prints. */
  abstract static class StoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store = new Store();

    abstract String run(UserAdministration principals);

    @Override
    public Integer call() {
      return store.run(spec, this::run);
    }
  }

  /** A command on one access key of one user. */
  abstract static class KeyCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "USER") String user = "";
    @Parameters(index = "1", paramLabel = "ACCESS_KEY_ID") String keyId = "";
  }

  /** A policy document given as itself, or as {@code @} and the file holding it. */
  static String document(String given) {
    if (!given.startsWith("@")) {
      return given;
    }
    try {
      return Files.readString(Path.of(given.substring(1)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + given.substring(1) + ": " + e.getMessage(), e);
    }
  }

  private static String line(IamUser user) {
    return user.name() + "\t" + user.arn() + "\t" + user.created() + "\n";
  }

  private static String secret(NewAccessKey key) {
    return "AccessKeyId: " + key.key().id() + "\nSecretAccessKey: " + key.secret() + "\n";
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a user, with the AdministratorAccess inline policy (Action and Resource \"*\") unless"
          + " --no-policy is given, and with --with-key its first access key.")
  static final class Create extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "The user's name (IAM's rules: 1-64 of A-Z a-z 0-9 +=,.@_-).")
    String name = "";

    @Option(names = "--no-policy",
        description = "Create the user without a policy: it may do nothing until one is put (IAM's default deny).")
    boolean noPolicy;

    @Option(names = "--with-key",
        description = "Create the user's first access key in the same change and print it: how a running server's"
            + " first user gets its key, since once a user exists every request must be signed by one.")
    boolean withKey;

    @Override
    String run(UserAdministration principals) {
      UserAdministration.NewUser created = principals.createUser(name, !noPolicy, withKey);
      NewAccessKey key = created.key();
      return line(created.user()) + (key == null ? "" : secret(key));
    }
  }

  /** A command on one inline policy of one user. */
  abstract static class PolicyCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "USER") String user = "";
    @Parameters(index = "1", paramLabel = "POLICY_NAME") String policyName = "";
  }

  @Command(name = "put-policy", mixinStandardHelpOptions = true,
      description = "Add or replace an inline identity policy of a user (IAM's PutUserPolicy); the server applies it"
          + " to the user's next request.")
  static final class PutPolicy extends PolicyCommand {
    @Option(names = "--policy-document", required = true, paramLabel = "JSON|@FILE",
        description = "The policy document, or @ and the file holding it.")
    String document = "";

    @Override
    String run(UserAdministration principals) {
      principals.putUserPolicy(user, policyName, document(document));
      return "";
    }
  }

  @Command(name = "get-policy", mixinStandardHelpOptions = true, description = "Print an inline policy of a user.")
  static final class GetPolicy extends PolicyCommand {
    @Override
    String run(UserAdministration principals) {
      return principals.userPolicy(user, policyName) + "\n";
    }
  }

  @Command(name = "list-policies", mixinStandardHelpOptions = true,
      description = "List the names of a user's inline policies.")
  static final class ListPolicies extends StoreCommand {
    @Parameters(paramLabel = "USER") String user = "";

    @Override
    String run(UserAdministration principals) {
      StringBuilder out = new StringBuilder();
      principals.userPolicyNames(user).forEach(name -> out.append(name).append('\n'));
      return out.toString();
    }
  }

  @Command(name = "delete-policy", mixinStandardHelpOptions = true, description = "Delete an inline policy of a user.")
  static final class DeletePolicy extends PolicyCommand {
    @Override
    String run(UserAdministration principals) {
      principals.deleteUserPolicy(user, policyName);
      return "";
    }
  }

  @Command(name = "tag", mixinStandardHelpOptions = true,
      description = "Add or replace tags of a user, which policies read as aws:PrincipalTag/KEY.")
  static final class Tag extends StoreCommand {
    @Parameters(index = "0", paramLabel = "USER") String user = "";
    @Parameters(index = "1..*", paramLabel = "KEY=VALUE") Map<String, String> tags = Map.of();

    @Override
    String run(UserAdministration principals) {
      principals.tagUser(user, tags);
      return "";
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListUsers extends StoreCommand {
    @Override
    String run(UserAdministration principals) {
      StringBuilder out = new StringBuilder();
      principals.listUsers().forEach(user -> out.append(line(user)));
      return out.toString();
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a user (its access keys must be deleted first, as IAM requires).")
  static final class Delete extends StoreCommand {
    @Parameters(paramLabel = "NAME") String name = "";

    @Override
    String run(UserAdministration principals) {
      principals.deleteUser(name);
      return "";
    }
  }

  @Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage a user's access keys (two at most).",
      subcommands = {KeysCreate.class, KeysList.class, KeysActivate.class, KeysDeactivate.class, KeysDelete.class})
  static final class Keys {}

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an access key for a user and print its id and secret: the secret is not shown again.")
  static final class KeysCreate extends StoreCommand {
    @Parameters(paramLabel = "USER") String user = "";

    @Override
    String run(UserAdministration principals) {
      return secret(principals.createAccessKey(user));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's access keys (no secrets).")
  static final class KeysList extends StoreCommand {
    @Parameters(paramLabel = "USER") String user = "";

    @Override
    String run(UserAdministration principals) {
      StringBuilder out = new StringBuilder();
      for (AccessKey key : principals.listAccessKeys(user)) {
        out.append(key.id()).append('\t').append(key.status().display()).append('\t').append(key.created())
            .append('\n');
      }
      return out.toString();
    }
  }

  @Command(name = "activate", mixinStandardHelpOptions = true, description = "Let an access key sign requests again.")
  static final class KeysActivate extends KeyCommand {
    @Override
    String run(UserAdministration principals) {
      principals.setStatus(user, keyId, AccessKeyStatus.ACTIVE);
      return "";
    }
  }

  @Command(name = "deactivate", mixinStandardHelpOptions = true,
      description = "Stop an access key from signing requests, keeping it to activate later.")
  static final class KeysDeactivate extends KeyCommand {
    @Override
    String run(UserAdministration principals) {
      principals.setStatus(user, keyId, AccessKeyStatus.INACTIVE);
      return "";
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an access key.")
  static final class KeysDelete extends KeyCommand {
    @Override
    String run(UserAdministration principals) {
      principals.deleteAccessKey(user, keyId);
      return "";
    }
  }

  @Command(name = "session-token", mixinStandardHelpOptions = true,
      description = "With --endpoint: session credentials for the user whose key signs the call (STS's"
          + " GetSessionToken), printed as environment variables for the AWS SDKs and CLI.")
  static final class SessionToken implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store = new Store();

    @Option(names = "--duration-seconds", paramLabel = "SECONDS",
        description = "How long they work: 900 to 129600 seconds (default 43200, 12 hours), as STS allows.")
    @Nullable Long durationSeconds;

    @Override
    public Integer call() {
      URI server = store.server.endpoint;
      if (server == null) {
        spec.commandLine().getErr().println("session-token needs --endpoint: sessions are issued by a running server");
        return 1;
      }
      return store.server.call(spec, server, client -> {
        PrincipalStore.SessionCredentials session = client.sessionToken(durationSeconds);
        return "AWS_ACCESS_KEY_ID=" + session.accessKeyId() + "\nAWS_SECRET_ACCESS_KEY=" + session.secret()
            + "\nAWS_SESSION_TOKEN=" + session.token() + "\n# expires " + session.expiration() + "\n";
      });
    }
  }
}
