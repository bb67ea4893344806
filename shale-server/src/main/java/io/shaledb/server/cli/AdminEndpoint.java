package io.shaledb.server.cli;

import io.shaledb.core.error.DynamoException;
import io.shaledb.server.admin.AdminClient;
import io.shaledb.server.auth.SigV4Signer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * A running server's admin API and the credentials its calls are signed with: the options the commands that talk to a
 * server share ({@code users}, {@code groups} with {@code --endpoint}, and {@code cluster}).
 */
final class AdminEndpoint {
  /** The key a client names while no user exists and so nothing is verified; any would do. */
  private static final String UNVERIFIED_KEY = "shaledb-cli";

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "A running server's URL, such as http://127.0.0.1:8000: call its admin API.")
  @Nullable URI endpoint;

  @Option(names = "--access-key-id", defaultValue = "${env:AWS_ACCESS_KEY_ID}",
      description = "With --endpoint: the access key signing the calls (default $AWS_ACCESS_KEY_ID); needed once"
          + " users exist, by a user whose policies allow the calls (iam:* actions, shaledb:DescribeCluster).")
  @Nullable String accessKeyId;

  @Option(names = "--secret-access-key", defaultValue = "${env:AWS_SECRET_ACCESS_KEY}",
      description = "With --endpoint: the key's secret (default $AWS_SECRET_ACCESS_KEY).")
  @Nullable String secretAccessKey;

  @Option(names = "--session-token", defaultValue = "${env:AWS_SESSION_TOKEN}",
      description = "With --endpoint: the session token of session credentials (default $AWS_SESSION_TOKEN).")
  @Nullable String sessionToken;

  @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}",
      description = "With --endpoint: the server's region, which signatures name. Default: ${DEFAULT-VALUE}.")
  String region = "us-east-1";

  /**
   * Runs {@code body} on the admin API of {@code server}, signed with the credentials given (any, while no user
   * exists), and prints what it answers; the server's refusal, or no answer, is one line on stderr and exit 1.
   */
  int call(CommandSpec spec, URI server, Function<AdminClient, String> body) {
    String id = accessKeyId == null ? UNVERIFIED_KEY : accessKeyId;
    String secret = secretAccessKey == null ? UNVERIFIED_KEY : secretAccessKey;
    try {
      return print(spec, body.apply(new AdminClient(server, new SigV4Signer.Credentials(id, secret, sessionToken),
          region, Clock.systemUTC())));
    } catch (DynamoException | IllegalStateException | UncheckedIOException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }

  static int print(CommandSpec spec, String output) {
    spec.commandLine().getOut().print(output);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
