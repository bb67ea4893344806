package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server distribution that {@code ./mvnw package} builds (shale-dist), unpacked as a user would into a directory
 * of its own and started with its launcher: it needs nothing from the project, only a JDK 21+.
 */
@Tag("slow")
class DistributionIT {
  private static final Path TAR = Path.of(System.getProperty("shaledb.distribution"));
  private static final String VERSION = System.getProperty("shaledb.version");

  @TempDir
  Path unpacked;

  @Test
  void distribution_unpackedAndStarted_servesAndStops() throws Exception {
    run(unpacked, "tar", "-xzf", TAR.toString());
    Path home = unpacked.resolve("shaledb-" + VERSION);
    assertThat(home.resolve("bin/shaledb")).isExecutable();
    assertThat(home.resolve("lib/shaledb-server.jar")).isRegularFile();

    assertThat(run(home, home.resolve("bin/shaledb").toString(), "--version")).isEqualTo("ShaleDB " + VERSION);
    ProcessBuilder serve = new ProcessBuilder(home.resolve("bin/shaledb").toString(), "serve", "--port", "0",
        "--data-dir", unpacked.resolve("data").toString()).directory(home.toFile());
    serve.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try (ServerProcess server = ServerProcess.start(serve)) {
      assertThat(server.client().listTables().tableNames()).isEmpty();
      server.stop();
      assertThat(server.output()).anySatisfy(line -> assertThat(line)
          .contains("ShaleDB " + VERSION + " listening on http://127.0.0.1:" + server.port()));
      assertThat(server.output()).anySatisfy(line -> assertThat(line)
          .contains("data: " + unpacked.resolve("data") + " (engine rocksdb, durability fsync)"));
    }
  }

  @Test
  void zipAndTar_holdTheSameFiles() throws Exception {
    Set<String> inTar = new TreeSet<>(List.of(run(unpacked, "tar", "-tzf", TAR.toString()).split("\n")));
    inTar.removeIf(name -> name.endsWith("/"));
    Set<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(TAR.resolveSibling("shaledb-" + VERSION + ".zip").toFile())) {
      Collections.list(zip.entries()).stream().filter(entry -> !entry.isDirectory())
          .forEach(entry -> inZip.add(entry.getName()));
    }

    assertThat(inZip).isEqualTo(inTar).contains("shaledb-" + VERSION + "/bin/shaledb.cmd");
  }

  /** Runs a command to its end (bounded) and returns its output; fails on a non-zero exit. */
  private static String run(Path directory, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
