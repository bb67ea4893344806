package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.core.op.MutableClock;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The admin API of a running server through {@code shaledb users ... --endpoint}: a server's first user made with
 * its key while nothing is verified, then users, keys and policies managed by that administrator, refused to a user
 * whose policies do not allow IAM's actions; and session credentials issued by the server, used through the SDK's
 * {@code AwsSessionCredentials} with the user's policies, refused once expired, tampered with or their user deleted.
 * Messages are IAM's, STS's and DynamoDB's (sources in {@code IamErrors}, {@code SignatureErrors}).
 */
class AdminApiIT {
  private static final Pattern KEY = Pattern.compile("AccessKeyId: (\\S+)\nSecretAccessKey: (\\S+)\n");
  private static final Pattern SESSION = Pattern.compile(
      "AWS_ACCESS_KEY_ID=(\\S+)\nAWS_SECRET_ACCESS_KEY=(\\S+)\nAWS_SESSION_TOKEN=(\\S+)\n# expires (\\S+)\n");
  private static final String LIST_TABLES_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"dynamodb:ListTables\",\"Resource\":\"*\"}]}";
  private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

  @TempDir
  Path data;

  @TempDir
  Path keys;

  private record Run(int exitCode, String out, String err) {}

  private record Key(String id, String secret) {
    Key(NewAccessKey key) {
      this(key.key().id(), key.secret());
    }

    AwsBasicCredentials credentials() {
      return AwsBasicCredentials.create(id, secret);
    }
  }

  private static Run shaledb(List<String> arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(arguments.toArray(String[]::new));
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** {@code shaledb users ARGUMENTS --endpoint URL}, signed with {@code key} when one is given. */
  private static Run users(ShaleDbServer server, Key key, String... arguments) {
    return onServer("users", server, key, arguments);
  }

  /** {@code shaledb groups ARGUMENTS --endpoint URL}, signed with {@code key}. */
  private static Run groups(ShaleDbServer server, Key key, String... arguments) {
    return onServer("groups", server, key, arguments);
  }

  private static Run onServer(String command, ShaleDbServer server, Key key, String... arguments) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(Arrays.asList(arguments));
    all.addAll(List.of("--endpoint", server.endpoint().toString()));
    if (key != null) {
      all.addAll(List.of("--access-key-id", key.id(), "--secret-access-key", key.secret()));
    }
    return shaledb(all);
  }

  private static Key key(Run run) {
    Matcher matcher = KEY.matcher(run.out());
    assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
    return new Key(matcher.group(1), matcher.group(2));
  }

  private ServerConfig config() {
    return ServerConfig.durableOnRandomPort(data)
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key")));
  }

  private static DynamoDbClient client(ShaleDbServer server, AwsCredentials credentials) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  private static DynamoDbException failure(DynamoDbClient client) {
    return catchThrowableOfType(DynamoDbException.class, client::listTables);
  }

  @Test
  void usersCli_againstARunningServer_managesUsersKeysAndPolicies_onlyForAnAdministrator() throws Exception {
    Key admin;
    Key bob;
    try (ShaleDbServer server = ShaleDbServer.start(config())) {
      Run first = users(server, null, "create", "admin", "--with-key");
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out()).startsWith("admin\tarn:aws:iam::000000000000:user/admin\t");
      admin = key(first);
      assertThat(server.authenticating()).isTrue();

      assertThat(users(server, null, "list").err()).isEqualTo(INVALID_TOKEN + "\n");
      assertThat(users(server, admin, "create", "bob", "--no-policy").exitCode()).isZero();
      bob = key(users(server, admin, "keys", "create", "bob"));
      assertThat(users(server, admin, "put-policy", "bob", "list-tables", "--policy-document", LIST_TABLES_ONLY)
          .exitCode()).isZero();
      assertThat(users(server, admin, "list").out()).contains("admin\t", "bob\t");
      assertThat(users(server, admin, "keys", "list", "bob").out()).startsWith(bob.id() + "\tActive\t");
      assertThat(users(server, admin, "list-policies", "bob").out()).isEqualTo("list-tables\n");
      assertThat(users(server, admin, "get-policy", "bob", "list-tables").out()).isEqualTo(LIST_TABLES_ONLY + "\n");
      assertThat(users(server, admin, "delete", "bob").err())
          .isEqualTo("Cannot delete entity, must delete access keys first.\n");
      assertThat(users(server, admin, "put-policy", "bob", "bad", "--policy-document", "{\"Statement\":[{"
          + "\"Effect\":\"Allow\",\"Resource\":\"*\"}]}").err()).isEqualTo("Policy statement must contain actions.\n");
      assertThat(users(server, admin, "get-policy", "bob", "none").err())
          .isEqualTo("The user policy with name none cannot be found.\n");

      Run denied = users(server, bob, "create", "carol");
      assertThat(denied.exitCode()).isEqualTo(1);
      assertThat(denied.err()).isEqualTo("User: arn:aws:iam::000000000000:user/bob is not authorized to perform:"
          + " iam:CreateUser on resource: arn:aws:iam::000000000000:user/carol because no identity-based policy"
          + " allows the iam:CreateUser action\n");
      assertThat(users(server, bob, "list").err()).isEqualTo("User: arn:aws:iam::000000000000:user/bob is not"
          + " authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the"
          + " iam:ListUsers action\n");
      try (DynamoDbClient asBob = client(server, bob.credentials())) {
        assertThat(asBob.listTables().tableNames()).isEmpty();
        assertThat(users(server, admin, "keys", "deactivate", "bob", bob.id()).exitCode()).isZero();
        assertThat(failure(asBob).awsErrorDetails().errorMessage()).isEqualTo(INVALID_TOKEN);
      }

      Run whileServing = shaledb(List.of("users", "list", "--data-dir", data.toString(), "--auth-key-file",
          keys.resolve("auth.key").toString()));
      assertThat(whileServing.exitCode()).as("RocksDB lets one process open the directory").isEqualTo(1);
    }

    Run afterRestart = shaledb(List.of("users", "keys", "list", "bob", "--data-dir", data.toString(),
        "--auth-key-file", keys.resolve("auth.key").toString()));
    assertThat(afterRestart.out()).as(afterRestart.err()).startsWith(bob.id() + "\tInactive\t");
  }

  @Test
  void sessionToken_issuedByTheServer_signsSdkCalls_withTheUsersPolicies_untilItExpires() throws Exception {
    // The server's clock starts 10 minutes behind, so that moving it 16 minutes on expires a 15-minute session
    // while the SDK's signatures, dated now, stay within the 15 minutes of skew allowed.
    MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS));
    try (ShaleDbServer server = ShaleDbServer.start(config().withClock(clock))) {
      server.principals().createUser("admin");
      server.principals().createUser("bob", false);
      server.principals().putUserPolicy("bob", "list-tables", LIST_TABLES_ONLY);
      Key bob = new Key(server.principals().createAccessKey("bob"));

      Run issued = users(server, bob, "session-token", "--duration-seconds", "900");
      Matcher session = SESSION.matcher(issued.out());
      assertThat(session.matches()).as(issued.out() + issued.err()).isTrue();
      assertThat(session.group(1)).matches("ASIA[A-Z2-7]{16}");
      assertThat(Instant.parse(session.group(4))).isEqualTo(clock.instant().plusSeconds(900));
      AwsSessionCredentials credentials = AwsSessionCredentials.create(session.group(1), session.group(2),
          session.group(3));
      Run fromSession = shaledb(List.of("users", "session-token", "--endpoint", server.endpoint().toString(),
          "--access-key-id", session.group(1), "--secret-access-key", session.group(2), "--session-token",
          session.group(3)));
      assertThat(fromSession.err()).isEqualTo("Cannot call GetSessionToken with session credentials\n");
      assertThat(users(server, bob, "session-token", "--duration-seconds", "899").err()).isEqualTo("1 validation"
          + " error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value"
          + " greater than or equal to 900\n");

      try (DynamoDbClient asSession = client(server, credentials);
          DynamoDbClient tampered = client(server, AwsSessionCredentials.create(session.group(1),
              session.group(2), session.group(3).substring(1)))) {
        assertThat(asSession.listTables().tableNames()).isEmpty();
        DynamoDbException denied = catchThrowableOfType(DynamoDbException.class, () -> asSession.getItem(
            g -> g.tableName("T").key(Map.of("id", AttributeValue.fromS("a")))));
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/bob is"
            + " not authorized to perform: dynamodb:GetItem on resource:"
            + " arn:aws:dynamodb:us-east-1:000000000000:table/T because no identity-based policy allows the"
            + " dynamodb:GetItem action");
        assertThat(failure(tampered).awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(failure(tampered).awsErrorDetails().errorMessage()).isEqualTo(INVALID_TOKEN);

        clock.advance(Duration.ofSeconds(899));
        assertThat(asSession.listTables().tableNames()).as("a second before it expires").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        DynamoDbException expired = failure(asSession);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(expired.awsErrorDetails().errorMessage())
            .isEqualTo("The security token included in the request is expired");
      }

      Run again = users(server, bob, "session-token");
      Matcher second = SESSION.matcher(again.out());
      assertThat(second.matches()).as(again.out() + again.err()).isTrue();
      try (DynamoDbClient asSession = client(server, AwsSessionCredentials.create(second.group(1),
          second.group(2), second.group(3)))) {
        assertThat(asSession.listTables().tableNames()).isEmpty();
        server.principals().deleteAccessKey("bob", bob.id());
        server.principals().deleteUser("bob");
        assertThat(failure(asSession).awsErrorDetails().errorMessage()).as("its user deleted")
            .isEqualTo(INVALID_TOKEN);
      }
    }
  }

  @Test
  void groupsCli_againstARunningServer_groupPolicyAppliesToEachMember_untilRemoved() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort()
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key"))))) {
      Key admin = key(users(server, null, "create", "admin", "--with-key"));
      users(server, admin, "create", "carol", "--no-policy");
      Key carol = key(users(server, admin, "keys", "create", "carol"));
      assertThat(groups(server, admin, "create", "readers").out())
          .startsWith("readers\tarn:aws:iam::000000000000:group/readers\t");
      assertThat(groups(server, admin, "put-policy", "readers", "list-tables", "--policy-document",
          LIST_TABLES_ONLY).exitCode()).isZero();

      try (DynamoDbClient asCarol = client(server, carol.credentials())) {
        assertThat(failure(asCarol).awsErrorDetails().errorMessage()).isEqualTo("User:"
            + " arn:aws:iam::000000000000:user/carol is not authorized to perform: dynamodb:ListTables on resource:"
            + " arn:aws:dynamodb:us-east-1:000000000000:table/* because no identity-based policy allows the"
            + " dynamodb:ListTables action");
        assertThat(groups(server, admin, "add-user", "readers", "carol").exitCode()).isZero();
        assertThat(groups(server, admin, "members", "readers").out()).isEqualTo("carol\n");
        assertThat(asCarol.listTables().tableNames()).as("the group's policy").isEmpty();
        assertThat(groups(server, carol, "create", "writers").err()).isEqualTo("User:"
            + " arn:aws:iam::000000000000:user/carol is not authorized to perform: iam:CreateGroup on resource:"
            + " arn:aws:iam::000000000000:group/writers because no identity-based policy allows the iam:CreateGroup"
            + " action\n");
        assertThat(groups(server, admin, "delete", "readers").err())
            .isEqualTo("Cannot delete entity, must remove users from group first.\n");
        assertThat(groups(server, admin, "remove-user", "readers", "carol").exitCode()).isZero();
        assertThat(failure(asCarol).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      }
      assertThat(groups(server, admin, "delete-policy", "readers", "list-tables").exitCode()).isZero();
      assertThat(groups(server, admin, "delete", "readers").exitCode()).isZero();
      assertThat(groups(server, admin, "list").out()).isEmpty();
    }
  }
}
