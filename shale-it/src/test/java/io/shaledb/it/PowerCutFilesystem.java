package io.shaledb.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A file system that can lose power: {@code src/test/powercut/powercut_fs.py}, a FUSE file system in memory that
 * keeps only what was synced (file contents by fsync or fdatasync, directory entries by fsync of the directory)
 * across a {@link #cutPower() power cut}, as POSIX promises and no more. Mounting needs root and /dev/fuse; the
 * Python binding comes from Debian's python3-fusepy, which is installed here when missing.
 */
final class PowerCutFilesystem implements AutoCloseable {
  private static final Path SCRIPT = Path.of("src/test/powercut/powercut_fs.py");
  /** Debian's interpreter, which sees Debian's Python packages whatever python3 comes first on the path. */
  private static final String PYTHON = "/usr/bin/python3";

  private final Process process;
  private final Path mountPoint;
  private final BufferedReader answers;
  private boolean mounted = true;

  private PowerCutFilesystem(Process process, Path mountPoint, BufferedReader answers) {
    this.process = process;
    this.mountPoint = mountPoint;
    this.answers = answers;
  }

  /** Mounts an empty file system on {@code mountPoint}; a power cut writes what survives into {@code image}. */
  static PowerCutFilesystem mount(Path mountPoint, Path image) throws IOException, InterruptedException {
    installBinding();
    Process process = new ProcessBuilder(PYTHON, SCRIPT.toString(), mountPoint.toString(), image.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader answers = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    PowerCutFilesystem filesystem = new PowerCutFilesystem(process, mountPoint, answers);
    String ready = filesystem.answer();
    if (!"ready".equals(ready)) {
      filesystem.close();
      throw new IOException("the power-cut file system did not mount: " + ready);
    }
    return filesystem;
  }

  /**
   * Cuts the power: everything not synced is lost, and what survives is written into the image directory. The file
   * system serves nothing more and is unmounted.
   *
   * @return how many bytes written to files were lost
   */
  long cutPower() throws IOException, InterruptedException {
    Writer commands = process.outputWriter(StandardCharsets.UTF_8);
    commands.write("cut\n");
    commands.flush();
    String answer = answer();
    if (answer == null || !answer.startsWith("cut ")) {
      throw new IOException("the power cut failed: " + answer);
    }
    unmount();
    return Long.parseLong(answer.split(" ")[2]);
  }

  /** The file system's next line, or null when it ended; bounded, so a hung file system fails the test. */
  private String answer() throws IOException, InterruptedException {
    try {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return answers.readLine();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("no answer from the power-cut file system", e);
    }
  }

  /** Unmounts (lazily, should a process still hold a file) and waits for the file system to end. */
  private void unmount() throws IOException {
    try {
      if (mounted) {
        mounted = false;
        run(List.of("umount", "-l", mountPoint.toString()));
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() throws IOException {
    unmount();
  }

  /**
   * Installs python3-fusepy (and with it libfuse2) when Debian's Python lacks it: the project's own files set up what
   * its tests need, on a fresh machine too.
   */
  private static void installBinding() throws IOException, InterruptedException {
    if (run(List.of(PYTHON, "-c", "import fusepy")) == 0) {
      return;
    }
    if (run(List.of("apt-get", "install", "-y", "-q", "python3-fusepy")) != 0) {
      run(List.of("apt-get", "update", "-q"));
      if (run(List.of("apt-get", "install", "-y", "-q", "python3-fusepy")) != 0) {
        throw new IOException("cannot install python3-fusepy, which the power-loss test needs (as root: apt-get"
            + " install python3-fusepy)");
      }
    }
  }

  /** Runs a command to its end (at most 10 minutes), its output discarded; answers its exit code. */
  private static int run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    return process.exitValue();
  }
}
