package io.shaledb.server.cli;

import io.shaledb.core.encryption.EncryptionAtRest;
import io.shaledb.core.encryption.MasterKey;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.server.KeyFile;
import io.shaledb.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shaledb encryption ...}: the master key of a data directory encrypted at rest, while no server holds it. */
@Command(name = "encryption", mixinStandardHelpOptions = true,
    description = "Manage the master key of a data directory encrypted at rest (stop the server first).",
    subcommands = EncryptionCommand.Rotate.class)
final class EncryptionCommand {

  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Wrap every data key again under a new master key, in one transaction. Values are not"
          + " rewritten, so this takes as long for a terabyte as for a byte. The new key file is created when"
          + " missing; start the server with it afterwards and keep the old one until then.")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data-dir", description = "The server's data directory. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory = Path.of("shale-data");

    @Option(names = "--encryption-key-file", paramLabel = "FILE", required = true,
        description = "The master key file the directory is encrypted under now.")
    Path current = Path.of("");

    @Option(names = "--new-encryption-key-file", paramLabel = "FILE", required = true,
        description = "The new master key file.")
    Path next = Path.of("");

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(dataDirectory)) {
        err.println("no data directory at " + dataDirectory.toAbsolutePath());
        return 1;
      }
      try (StorageEngine engine = StorageEngines.open(ServerConfig.DURABLE_ENGINE,
          EngineOptions.defaults(dataDirectory.toAbsolutePath()))) {
        MasterKey now = new MasterKey(KeyFile.read(current, "the key file " + current + " does not exist"));
        MasterKey replacement = new MasterKey(KeyFile.readOrCreate(next));
        int rewrapped = EncryptionAtRest.rotate(engine, now, replacement);
        spec.commandLine().getOut().println("rewrapped " + rewrapped + " data keys under master key "
            + replacement.id() + ": start the server with --encryption-key-file " + next);
        return 0;
      } catch (IllegalArgumentException | IllegalStateException e) {
        err.println(e.getMessage());
        return 1;
      }
    }
  }
}
