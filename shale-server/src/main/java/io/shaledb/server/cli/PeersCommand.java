package io.shaledb.server.cli;

import io.shaledb.server.auth.SecretSealer;
import io.shaledb.server.replication.PeersFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shaledb peers ...}: what the peers file of global tables needs (docs/global-tables.md). */
@Command(name = "peers", mixinStandardHelpOptions = true,
    description = "Prepare the peers file of global tables (serve --peers-file).", subcommands = PeersCommand.Seal.class)
final class PeersCommand {

  @Command(name = "seal", mixinStandardHelpOptions = true,
      description = "Read a peer's secret access key on standard input and print it sealed under the auth key file,"
          + " for the last field of its line in the peers file.")
  static final class Seal implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The peer's access key id the secret belongs to.")
    String accessKeyId = "";

    @Option(names = "--auth-key-file", paramLabel = "FILE",
        description = "The key file that seals secrets (default: $" + SecretSealer.KEY_FILE_VARIABLE
            + ", else ~/.shaledb/auth.key); the server opens them with the same file.")
    @Nullable Path authKeyFile;

    @Override
    public Integer call() throws IOException {
      String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (secret == null || secret.isBlank()) {
        spec.commandLine().getErr().println("no secret on standard input");
        return 1;
      }
      SecretSealer sealer = SecretSealer.openOrCreate(SecretSealer.keyFile(authKeyFile));
      spec.commandLine().getOut().println(PeersFile.seal(sealer, accessKeyId, secret.strip()));
      return 0;
    }
  }
}
