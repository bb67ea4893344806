package io.shaledb.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a child JVM: {@code java -jar shaledb-server.jar serve} on a JDK 21+, with nothing shared with the test's
 * JVM but the loopback network, so the test's Java version and libraries do not matter.
 *
 * <p>The server reports its random port in its first banner line. It stops with the test JVM in every case: closed
 * by the extension, by a shutdown hook when the JVM exits, and by itself ({@code --exit-with-parent}) when the JVM is
 * killed and no hook runs. Its output goes to the test's standard error, each line prefixed, so a failing test shows
 * what the server said; the last lines also go into the exception when it fails to start.
 */
final class ChildProcessServer implements RunningServer {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final int KEPT_LINES = 40;

  private final Process process;
  private final URI endpoint;
  private final Optional<Path> dataDirectory;
  private final Thread shutdownHook;
  private final HttpClock clock;

  private ChildProcessServer(Process process, URI endpoint, Optional<Path> dataDirectory, Thread shutdownHook) {
    this.process = process;
    this.endpoint = endpoint;
    this.dataDirectory = dataDirectory;
    this.shutdownHook = shutdownHook;
    this.clock = new HttpClock(endpoint);
  }

  static ChildProcessServer start(Settings settings) {
    Path java = Jdks.java(settings.javaHome());
    Path jar = ServerJar.locate();
    try {
      Optional<Path> data = settings.temporaryDirectory()
          ? Optional.of(Files.createTempDirectory("shaledb-test-data-")) : Optional.empty();
      List<String> command = new ArrayList<>(List.of(java.toString(),
          // Class data sharing: the classes this server loads are archived at the first start and mapped at the
          // later ones, which halves a start. The archive belongs to the jar's copy, so a new jar starts afresh.
          "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + jar + ".jsa", "-Xlog:cds=off",
          "-Xlog:cds+dynamic=off",
          // A test's server serves little: the quick compiler alone and a small heap start faster on a busy machine.
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m",
          "-Dio.netty.jfr.enabled=false", "--enable-native-access=ALL-UNNAMED",
          "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(settings.port()),
          "--settable-clock", "--exit-with-parent"));
      if (!settings.engine().isEmpty()) {
        command.addAll(List.of("--engine", settings.engine()));
      }
      if (data.isPresent()) {
        command.addAll(List.of("--data-dir", data.get().toString()));
      } else {
        command.add("--in-memory");
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Thread hook = new Thread(() -> stop(process), "shaledb-test-server-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      return new ChildProcessServer(process, awaitEndpoint(process, command), data, hook);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the ShaleDB server with " + java, e);
    }
  }

  /**
   * Reads the server's output until its banner names its address; the rest of its output is passed on to standard
   * error by the same thread.
   */
  private static URI awaitEndpoint(Process process, List<String> command) {
    Deque<String> lastLines = new ArrayDeque<>();
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          System.err.println("[shaledb] " + line);
          if (!endpoint.isDone()) {
            synchronized (lastLines) {
              lastLines.add(line);
              if (lastLines.size() > KEPT_LINES) {
                lastLines.removeFirst();
              }
            }
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
              endpoint.complete(URI.create(m.group(1)));
            }
          }
        }
      } catch (IOException e) {
        // The pipe closes under the reader when the process ends: the end of its output too.
      }
      endpoint.completeExceptionally(new IllegalStateException("the server exited"));
    }, "shaledb-test-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failedStart(process, command, lastLines, e);
    } catch (ExecutionException | TimeoutException e) {
      throw failedStart(process, command, lastLines, e);
    }
  }

  private static IllegalStateException failedStart(Process process, List<String> command, Deque<String> lastLines,
      Exception cause) {
    stop(process);
    String output;
    synchronized (lastLines) {
      output = String.join(System.lineSeparator(), lastLines);
    }
    return new IllegalStateException("the ShaleDB server did not start within " + START_TIMEOUT.toSeconds()
        + " s (" + String.join(" ", command) + "); it said:" + System.lineSeparator() + output, cause);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public ShaleDbClock clock() {
    return clock;
  }

  @Override
  public void close() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is exiting: the hook is running or has run.
    }
    dataDirectory.ifPresent(TemporaryDirectories::delete);
  }

  /** SIGTERM, for a clean stop of the engine; SIGKILL if the server has not stopped in time. */
  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
