package io.shaledb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} does when its engine says the process must be started again: it halts with
 * {@link Main#EXIT_RESTART} for its supervisor. A process of its own, since the server halts its JVM.
 */
class ServeRestartTest {
  /** Far longer than the JVM's start and the engine's one second, so only a server that never halts reaches it. */
  private static final long EXIT_TIMEOUT_SECONDS = 60;

  @Test
  void serve_engineAsksForARestart_haltsWithTheRestartCode(@TempDir Path directory)
      throws IOException, InterruptedException {
    Path output = directory.resolve("server.log");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "serve", "--engine", "restart-asking",
        "--host", "127.0.0.1", "--port", "0", "--data-dir", directory.resolve("data").toString(),
        "--exit-with-parent")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      boolean exited = server.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      String printed = Files.readString(output);

      assertThat(exited).as("exited within %d s; printed:%n%s", EXIT_TIMEOUT_SECONDS, printed).isTrue();
      assertThat(server.exitValue()).as(printed).isEqualTo(Main.EXIT_RESTART);
      assertThat(printed).contains("ShaleDB must be started again: " + RestartAskingEngineProvider.WHY
          + "; exiting with code 75");
    } finally {
      server.destroyForcibly().waitFor();
    }
  }
}
