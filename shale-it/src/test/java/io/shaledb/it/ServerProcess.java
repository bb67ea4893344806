package io.shaledb.it;

import io.shaledb.junit.ShaleDbClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A ShaleDB server in a child JVM, started through the real command line on a durable data directory, so tests can
 * kill it with SIGKILL and start it again.
 */
final class ServerProcess implements AutoCloseable {
  /** The banner's address line; only it, since an engine may log addresses of its own first (Ignite's REST). */
  private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:\\s]+:(\\d+)");
  private static final Duration START = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Optional<Path> nativeLibrary;
  private final Queue<String> output;

  private ServerProcess(Process process, int port, Optional<Path> nativeLibrary, Queue<String> output) {
    this.process = process;
    this.port = port;
    this.nativeLibrary = nativeLibrary;
    this.output = output;
  }

  /** A server on {@code dataDirectory}, with {@code options} of {@code shaledb serve} added to the command line. */
  static ServerProcess start(Path dataDirectory, String... options) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // RocksDB copies its JNI library out of the jar at every start, into the temporary directory unless told where,
    // and a killed server leaves the 15 MB copy behind: each server gets a directory for it that close() removes.
    Path nativeLibrary = Files.createTempDirectory("shaledb-it-native-");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.shaledb.server.cli.Main", "serve", "--port", "0", "--data-dir", dataDirectory.toString()));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("ROCKSDB_SHAREDLIB_DIR", nativeLibrary.toString());
    return start(builder, Optional.of(nativeLibrary), START, process -> {});
  }

  /** A server started by a command line of the user's, such as the {@code shaledb} launcher, on port 0. */
  static ServerProcess start(ProcessBuilder builder) throws IOException {
    return start(builder, START);
  }

  /** The same, allowing {@code start} for the server to listen (a cluster node waits for its cluster). */
  static ServerProcess start(ProcessBuilder builder, Duration start) throws IOException {
    return start(builder, Optional.empty(), start, process -> {});
  }

  /**
   * The same, handing {@code launched} the process as soon as it runs, so that a test can kill a server while it is
   * still starting (its start then fails).
   */
  static ServerProcess start(ProcessBuilder builder, Duration start, Consumer<Process> launched) throws IOException {
    return start(builder, Optional.empty(), start, launched);
  }

  private static ServerProcess start(ProcessBuilder builder, Optional<Path> nativeLibrary, Duration start,
      Consumer<Process> launched) throws IOException {
    Process process = builder.redirectErrorStream(true).start();
    launched.accept(process);
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    Queue<String> lines = new ConcurrentLinkedQueue<>();
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          lines.add(line);
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        }
        throw new IllegalStateException("the server exited before it listened");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      // A thread of its own: on two cores the common pool has one, and servers started together (a cluster's nodes,
      // each waiting for the others) would have their output read one after the other.
    }, ServerProcess::reader);
    try {
      int bound = port.get(start.toSeconds(), TimeUnit.SECONDS);
      reader(() -> drain(output, lines));
      return new ServerProcess(process, bound, nativeLibrary, lines);
    } catch (Exception e) {
      process.destroyForcibly();
      process.onExit().join();
      delete(nativeLibrary);
      throw new IOException("the server did not start; it said:" + System.lineSeparator()
          + String.join(System.lineSeparator(), lines), e);
    }
  }

  int port() {
    return port;
  }

  DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)))
        .build();
  }

  /** The server's clock, when it was started with {@code --settable-clock}. */
  ShaleDbClock clock() {
    return ShaleDbClock.at(URI.create("http://127.0.0.1:" + port));
  }

  DynamoDbStreamsClient streamsClient() {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  /** SIGKILL: the process gets no chance to flush or close anything. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM, for a clean shutdown. */
  void stop() {
    process.destroy();
    awaitExit();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      kill();
    }
    delete(nativeLibrary);
  }

  /** What the server printed so far, line by line. */
  List<String> output() {
    return List.copyOf(output);
  }

  /**
   * Starts a platform thread to read a server's output. A virtual one would not do: a read of a process's pipe waits
   * in native code and keeps its carrier, and the virtual threads share one carrier per core; on two cores the readers
   * of two servers took both, and a test's writers on virtual threads never ran while the servers were quiet.
   */
  private static void reader(Runnable read) {
    Thread.ofPlatform().daemon().name("server-output").start(read);
  }

  /** Reads the server's output to its end, so that a full pipe never stops the server. */
  private static void drain(BufferedReader output, Queue<String> lines) {
    try {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The JDK closes a process's output under a reader when the process exits: the end, too.
    }
  }

  private static void delete(Optional<Path> nativeLibrary) throws IOException {
    if (nativeLibrary.isPresent()) {
      delete(nativeLibrary.get());
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }
}
