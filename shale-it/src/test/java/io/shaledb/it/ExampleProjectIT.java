package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample project in {@code examples/junit-maven}, built as a user would build it: with Maven, outside this build's
 * dependency management, against the published coordinates of the artifacts this build made. They are laid out in a
 * repository of their own (as {@code install} lays them out) that the sample build reads before the machine's, which
 * supplies everything else (and takes whatever it lacks from Maven Central), so no stale ShaleDB snapshot there is
 * ever used. It runs once on JDK 17, the oldest the extension supports, and once on this JDK (21 or newer).
 */
@Tag("slow")
class ExampleProjectIT {
  private static final Path PROJECT = Path.of(System.getProperty("shaledb.projectRoot"));
  private static final String VERSION = System.getProperty("shaledb.version");
  private static final Path MACHINE_REPOSITORY = Path.of(System.getProperty("shaledb.localRepository"));
  private static final Path EXAMPLE = PROJECT.resolve("examples/junit-maven");
  private static final long BUILD_MINUTES = 8;
  /**
   * Kept in this module's build directory, so that what the sample takes from Maven Central (Spring Boot) is fetched
   * once per clean build, not once per run of the sample.
   */
  private static final Path REPOSITORY = Path.of("target/example-repository").toAbsolutePath();

  @TempDir
  Path work;

  @Test
  void readmeJUnitSection_isTheSamplesTest() throws IOException {
    Matcher java = Pattern.compile("### In JUnit 5 tests.*?```java\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(PROJECT.resolve("README.md")));

    assertThat(java.find()).isTrue();
    assertThat(java.group(1)).isEqualTo(Files.readString(EXAMPLE.resolve("src/test/java/com/example/MusicTest.java")));
  }

  @Test
  void sampleProject_onJdk17_passes() throws Exception {
    buildSample(jdk17().orElseThrow(() -> new AssertionError("no JDK 17 found under the usual folders: the sample"
        + " must be built on the oldest Java the extension supports")));
  }

  @Test
  void sampleProject_onThisJdk_passes() throws Exception {
    buildSample(Path.of(System.getProperty("java.home")));
  }

  private void buildSample(Path javaHome) throws Exception {
    Path repository = shaleDbRepository();
    Path sample = work.resolve("sample");
    copy(EXAMPLE, sample);
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("mvnw").toString(), "-B", "-f",
        sample.resolve("pom.xml").toString(), "verify", "-Dmaven.repo.local=" + repository,
        "-Dmaven.repo.local.tail=" + MACHINE_REPOSITORY, "-Dshaledb.version=" + VERSION));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("build.log").toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("MAVEN_OPTS");
    Process build = builder.start();
    if (!build.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
      build.destroyForcibly().waitFor();
    }
    String log = Files.readString(work.resolve("build.log"));
    assertThat(build.exitValue()).as(log).isZero();
    assertThat(log).as(log).contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0");
  }

  /**
   * This build's published artifacts, where {@code install} would put them: the parent and BOM POMs, the extension
   * and the jar that carries the server.
   */
  private static Path shaleDbRepository() throws IOException {
    Path repository = REPOSITORY;
    deleteRecursively(repository.resolve("io/shaledb"));
    install(repository, "shaledb-parent", PROJECT.resolve("pom.xml"), null);
    install(repository, "shale-bom", PROJECT.resolve("shale-bom/pom.xml"), null);
    for (String module : List.of("shale-junit", "shale-junit-server")) {
      install(repository, module, PROJECT.resolve(module).resolve("pom.xml"),
          PROJECT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar"));
    }
    return repository;
  }

  private static void install(Path repository, String artifact, Path pom, Path jar) throws IOException {
    Path directory = Files.createDirectories(repository.resolve("io/shaledb").resolve(artifact).resolve(VERSION));
    Files.copy(pom, directory.resolve(artifact + "-" + VERSION + ".pom"));
    if (jar != null) {
      Path installed = directory.resolve(artifact + "-" + VERSION + ".jar");
      try {
        Files.createLink(installed, jar);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(jar, installed);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          if (!file.getFileName().toString().equals("target")) {
            Files.createDirectories(target);
          }
        } else if (!from.relativize(file).startsWith("target")) {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** A JDK 17 in the usual folders, as the release file of each says. */
  private static Optional<Path> jdk17() throws IOException {
    List<Path> folders = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/local/lib/jvm"), Path.of("/opt/java"),
        Path.of(System.getProperty("user.home"), ".sdkman/candidates/java"));
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> homes = Files.list(folder)) {
        for (Path home : homes.sorted().toList()) {
          Path release = home.resolve("release");
          if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/javac"))
              && Files.readString(release, StandardCharsets.UTF_8).contains("JAVA_VERSION=\"17")) {
            return Optional.of(home);
          }
        }
      }
    }
    return Optional.empty();
  }
}
