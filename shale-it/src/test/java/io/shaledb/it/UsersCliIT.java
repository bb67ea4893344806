package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@code shaledb users ...} on a data directory, then a server started on it verifying the key the command line made;
 * and the data directory holding no secret in plain text, in its table files or its write-ahead log.
 */
class UsersCliIT {
  private static final Pattern KEY = Pattern.compile("AccessKeyId: (\\S+)\nSecretAccessKey: (\\S+)\n");

  @TempDir
  Path data;

  @TempDir
  Path keys;

  private record Run(int exitCode, String out, String err) {}

  private Run users(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("users"));
    all.addAll(Arrays.asList(arguments));
    all.addAll(List.of("--data-dir", data.toString(), "--auth-key-file", keys.resolve("auth.key").toString()));
    int exitCode = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(all.toArray(String[]::new));
    return new Run(exitCode, out.toString(), err.toString());
  }

  private ShaleDbServer start() throws InterruptedException {
    return ShaleDbServer.start(ServerConfig.durableOnRandomPort(data)
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key"))));
  }

  private static DynamoDbClient client(ShaleDbServer server, String accessKeyId, String secret) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  @Test
  void users_createdOnADataDirectory_signRequestsToAServerStartedOnIt_untilDeactivated() throws Exception {
    start().close();

    Run created = users("create", "alice");
    Run key = users("keys", "create", "alice");
    Run listed = users("list");
    Run deleteWithKeys = users("delete", "alice");
    Matcher matcher = KEY.matcher(key.out());

    assertThat(created.exitCode()).isZero();
    assertThat(created.out()).startsWith("alice\tarn:aws:iam::000000000000:user/alice\t");
    assertThat(matcher.matches()).as(key.out()).isTrue();
    String id = matcher.group(1);
    String secret = matcher.group(2);
    assertThat(id).matches("AKIA[A-Z2-7]{16}");
    assertThat(secret).hasSize(40);
    assertThat(listed.out()).startsWith("alice\t");
    assertThat(users("keys", "list", "alice").out()).startsWith(id + "\tActive\t");
    assertThat(deleteWithKeys.exitCode()).isEqualTo(1);
    assertThat(deleteWithKeys.err()).isEqualTo("Cannot delete entity, must delete access keys first.\n");
    assertThat(users("create", "alice").err()).isEqualTo("User with name alice already exists.\n");
    assertThat(users("keys", "list", "bob").err()).isEqualTo("The user with name bob cannot be found.\n");

    try (ShaleDbServer server = start();
        DynamoDbClient signed = client(server, id, secret);
        DynamoDbClient wrong = client(server, id, "z".repeat(40))) {
      assertThat(server.authenticating()).isTrue();
      assertThat(signed.listTables().tableNames()).isEmpty();
      assertThat(catchThrowableOfType(DynamoDbException.class, wrong::listTables).awsErrorDetails().errorCode())
          .isEqualTo("InvalidSignatureException");
    }

    assertThat(users("keys", "deactivate", "alice", id).exitCode()).isZero();
    assertThat(users("keys", "list", "alice").out()).startsWith(id + "\tInactive\t");
    try (ShaleDbServer server = start(); DynamoDbClient signed = client(server, id, secret)) {
      assertThat(catchThrowableOfType(DynamoDbException.class, signed::listTables).awsErrorDetails().errorCode())
          .isEqualTo("UnrecognizedClientException");
    }

    assertThat(containing(data, secret)).as("files of the data directory holding the secret").isEmpty();
    assertThat(containing(data, id)).as("the key id is stored, so the search can find what is there").isNotEmpty();
    assertThat(users("keys", "delete", "alice", id).exitCode()).isZero();
    assertThat(users("delete", "alice").exitCode()).isZero();
    assertThat(users("list").out()).isEmpty();
  }

  @Test
  void users_policyPutOnADataDirectory_survivesARestart_andDecidesTheUsersRequests() throws Exception {
    start().close();
    assertThat(users("create", "reader", "--no-policy").exitCode()).isZero();
    Matcher key = KEY.matcher(users("keys", "create", "reader").out());
    assertThat(key.matches()).isTrue();
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"dynamodb:List*\",\"Resource\":\"*\"}]}";

    Run put = users("put-policy", "reader", "lister", "--policy-document", policy);
    Run malformed = users("put-policy", "reader", "bad", "--policy-document", "{\"Statement\":{}}");

    assertThat(put.exitCode()).isZero();
    assertThat(malformed.err()).isEqualTo("Syntax errors in policy.\n");
    assertThat(users("list-policies", "reader").out()).isEqualTo("lister\n");
    assertThat(users("get-policy", "reader", "lister").out()).isEqualTo(policy + "\n");
    try (ShaleDbServer server = start(); DynamoDbClient reader = client(server, key.group(1), key.group(2))) {
      assertThat(reader.listTables().tableNames()).isEmpty();
      DynamoDbException denied = catchThrowableOfType(DynamoDbException.class,
          () -> reader.describeTable(d -> d.tableName("Tab")));
      assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/reader"
          + " is not authorized to perform: dynamodb:DescribeTable on resource:"
          + " arn:aws:dynamodb:us-east-1:000000000000:table/Tab because no identity-based policy allows the"
          + " dynamodb:DescribeTable action");
    }
    assertThat(users("delete-policy", "reader", "lister").exitCode()).isZero();
    assertThat(users("list-policies", "reader").out()).isEmpty();
  }

  @Test
  void users_missingDataDirectory_isRefused() {
    data = data.resolve("missing");

    Run run = users("list");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("no data directory at " + data.toAbsolutePath() + "\n");
  }

  /** The files under {@code directory} whose bytes contain {@code text}. */
  private static List<Path> containing(Path directory, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
          if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
            found.add(file);
            break;
          }
        }
      }
    }
    return found;
  }
}
