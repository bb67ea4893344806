package io.shaledb.diff;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Amazon DynamoDB Local 3.3.1 in memory, in a child JVM of its own: its libraries (Jetty 12, its own AWS SDK and
 * Jackson) must not meet ShaleDB's. The jars and the sqlite4java natives are in the directory the diff profile
 * copies them to ({@code shale-diff/dynamodb-local}).
 */
final class DynamoDbLocalProcess implements AutoCloseable {
  private static final long START_SECONDS = 120;

  private final Process process;
  private final Path workingDirectory;
  private final URI endpoint;

  private DynamoDbLocalProcess(Process process, Path workingDirectory, URI endpoint) {
    this.process = process;
    this.workingDirectory = workingDirectory;
    this.endpoint = endpoint;
  }

  static DynamoDbLocalProcess start(Path libraries) throws IOException, InterruptedException {
    if (!Files.isDirectory(libraries)) {
      throw new IllegalStateException("no DynamoDB Local at " + libraries + ": build with -Pdiff");
    }
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    String classpath = libraries + "/*" + File.pathSeparator
        + Path.of(LoopbackDynamoDbLocal.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    // DynamoDB Local writes a telemetry identity file into its working directory: a temporary one keeps it out of
    // the work tree.
    Path workingDirectory = Files.createTempDirectory("shaledb-diff-ddblocal-");
    Process process = new ProcessBuilder(javaCommand, "-Xmx1g", "-Djava.library.path=" + libraries, "-cp", classpath,
        LoopbackDynamoDbLocal.class.getName())
        .directory(workingDirectory.toFile()).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(reader, output));
    try {
      int bound = port.get(START_SECONDS, TimeUnit.SECONDS);
      Thread.ofVirtual().start(() -> drain(reader));
      return new DynamoDbLocalProcess(process, workingDirectory, URI.create("http://127.0.0.1:" + bound));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("DynamoDB Local did not start: " + String.join("\n", output), e);
    }
  }

  private static int readPort(BufferedReader reader, List<String> output) {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        if (line.startsWith(LoopbackDynamoDbLocal.LISTENING)) {
          return Integer.parseInt(line.substring(LoopbackDynamoDbLocal.LISTENING.length()).trim());
        }
      }
      throw new IllegalStateException("DynamoDB Local exited before it listened");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drain(BufferedReader reader) {
    try {
      while (reader.readLine() != null) {
        // DynamoDB Local's log is of no use to the comparison, but a full pipe would stop it.
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(workingDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
