package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code shaledb} launcher's class data archive, which takes about 40% off the time to a server's first answer:
 * written beside the jar by the build's training run ({@code bin/class-data-archive}) and mapped by every start,
 * never written by a start. The launcher runs from a copy of the project's layout made of links, so the archive it
 * maps is the test's own.
 */
@Tag("slow")
class LauncherIT {
  private static final Path PROJECT = Path.of(System.getProperty("shaledb.projectRoot"));

  @TempDir
  Path root;

  private final List<Path> links = new ArrayList<>();
  private Path archive;

  @BeforeEach
  void linkTheLauncherAndTheServerJar() throws IOException {
    Path jar = serverJar();
    Path target = Files.createDirectories(root.resolve("shale-server/target"));
    link(root.resolve("shaledb"), PROJECT.resolve("shaledb"));
    link(root.resolve("bin"), PROJECT.resolve("bin"));
    link(target.resolve(jar.getFileName()), jar);
    link(target.resolve("native"), jar.resolveSibling("native"));
    archive = target.resolve(jar.getFileName() + ".jsa");
  }

  /** Removed here: the temporary directory's cleanup would warn about each link to outside it. */
  @AfterEach
  void unlink() throws IOException {
    for (Path link : links) {
      Files.delete(link);
    }
  }

  @Test
  void theBuildWritesTheArchiveThatEveryStartMaps() throws Exception {
    Path built = serverJar();
    assertThat(Files.getLastModifiedTime(built.resolveSibling(built.getFileName() + ".jsa")))
        .isGreaterThanOrEqualTo(Files.getLastModifiedTime(built));

    Process training = new ProcessBuilder(root.resolve("bin/class-data-archive").toString())
        .redirectErrorStream(true).start();
    String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(training.waitFor()).as(output).isZero();
    FileTime written = Files.getLastModifiedTime(archive);

    // The class-loading log names the archive as the source of each class mapped from it; a JVM that could not use
    // the archive would also write it again at exit.
    Path classLog = root.resolve("classes.log");
    for (int start = 0; start < 2; start++) {
      try (ServerProcess server = ServerProcess.start(
          launcher(List.of("-Xlog:class+load=info:file=" + classLog), "--port", "0"))) {
        assertThat(server.client().listTables().tableNames()).isEmpty();
        server.stop();
      }
      assertThat(Files.readString(classLog))
          .contains("io.shaledb.server.cli.ServeCommand source: shared objects file (top)")
          .contains("io.shaledb.server.http.ApiRequestHandler source: shared objects file (top)");
    }
    assertThat(Files.getLastModifiedTime(archive)).isEqualTo(written);
  }

  @Test
  void aStartWithoutAnArchiveWritesNone() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process failed = launcher(List.of(), "--port", String.valueOf(taken.getLocalPort()))
          .redirectErrorStream(true).start();
      String output = new String(failed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(failed.waitFor()).isEqualTo(1);
      assertThat(output).contains("ShaleDB cannot start: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
    try (ServerProcess server = ServerProcess.start(launcher(List.of(), "--port", "0"))) {
      assertThat(server.client().listTables().tableNames()).isEmpty();
      server.stop();
    }
    assertThat(archive).doesNotExist();
  }

  private ProcessBuilder launcher(List<String> javaOptions, String... options) {
    List<String> command = new ArrayList<>(List.of(root.resolve("shaledb").toString(), "serve", "--in-memory"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().put("SHALEDB_JAVA_OPTS", String.join(" ", javaOptions));
    return builder;
  }

  private void link(Path link, Path target) throws IOException {
    links.add(Files.createSymbolicLink(link, target));
  }

  private static Path serverJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(PROJECT.resolve("shale-server/target"),
        "shale-server-*-all.jar")) {
      return jars.iterator().next();
    }
  }
}
