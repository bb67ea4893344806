package io.shaledb.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shaledb} command line. */
@Command(
    name = "shaledb",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A self-hosted database that speaks Amazon DynamoDB's API.",
    subcommands = {ServeCommand.class, UsersCommand.class, GroupsCommand.class, EncryptionCommand.class,
        PeersCommand.class, ClusterCommand.class})
public final class Main {
  /**
   * The exit code of a server that must be started again to serve (a cluster node its cluster refuses for the rest of
   * its launch): sysexits' EX_TEMPFAIL, which a supervisor (systemd's {@code Restart=}, Kubernetes) restarts on.
   */
  public static final int EXIT_RESTART = 75;

  public static void main(String[] args) {
    LogLevel.applyFrom(args);
    LibraryWarmup.start();
    System.exit(commandLine().execute(args));
  }

  /** The command line, taking enum values such as {@code --durability os} in any case. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
