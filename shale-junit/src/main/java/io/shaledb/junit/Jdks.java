package io.shaledb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run the server (21 or newer) for a child process: the test JVM itself is often older (17),
 * and a machine usually has several JDKs side by side. A JDK's version is read from its {@code release} file, which
 * every JDK since 9 has, so finding one starts no process.
 */
final class Jdks {
  static final int REQUIRED = 21;
  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  private Jdks() {}

  /**
   * The {@code java} executable of {@code explicit} when given (which must then be a JDK 21+), else of the first JDK
   * 21+ among: the one running the tests, {@code JAVA_HOME}, and the usual installation folders, newest first within
   * each folder.
   *
   * @throws IllegalStateException naming where it looked, when none is found
   */
  static Path java(String explicit) {
    if (!explicit.isBlank()) {
      Path home = Path.of(explicit);
      return executable(home).filter(java -> version(home).orElse(0) >= REQUIRED).orElseThrow(() ->
          new IllegalStateException("ShaleDB's server needs Java " + REQUIRED + " or newer, and " + home
              + " is not such a JDK (set by @ShaleDbTest(javaHome) or -D" + Settings.JAVA_HOME_PROPERTY + ")"));
    }
    List<Path> candidates = candidates();
    for (Path home : candidates) {
      Optional<Path> java = executable(home);
      if (java.isPresent() && version(home).orElse(0) >= REQUIRED) {
        return java.get();
      }
    }
    throw new IllegalStateException("ShaleDB's server needs a JDK " + REQUIRED + " or newer to run in a child"
        + " process, and none was found in " + candidates + "; install one, or name it with -D"
        + Settings.JAVA_HOME_PROPERTY + "=/path/to/jdk or @ShaleDbTest(javaHome = ...)");
  }

  private static List<Path> candidates() {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of(System.getProperty("java.home")));
    Optional.ofNullable(System.getenv("JAVA_HOME")).filter(home -> !home.isBlank()).map(Path::of)
        .ifPresent(candidates::add);
    Path user = Path.of(System.getProperty("user.home"));
    for (Path folder : List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/local/lib/jvm"), Path.of("/opt/java"),
        Path.of("/Library/Java/JavaVirtualMachines"), Path.of("C:\\Program Files\\Java"),
        Path.of("C:\\Program Files\\Eclipse Adoptium"), user.resolve(".sdkman/candidates/java"),
        user.resolve(".jdks"), user.resolve("Library/Java/JavaVirtualMachines"))) {
      candidates.addAll(homesIn(folder));
    }
    return candidates;
  }

  /** The JDKs directly in {@code folder} (or in their {@code Contents/Home}, as on macOS), newest name first. */
  private static List<Path> homesIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(entry -> Files.isDirectory(entry.resolve("Contents/Home"))
              ? entry.resolve("Contents/Home") : entry)
          .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<Path> executable(Path home) {
    for (String name : List.of("java", "java.exe")) {
      Path java = home.resolve("bin").resolve(name);
      if (Files.isExecutable(java)) {
        return Optional.of(java);
      }
    }
    return Optional.empty();
  }

  /** The feature version in {@code home}'s release file. */
  static Optional<Integer> version(Path home) {
    Path release = home.resolve("release");
    if (!Files.isReadable(release)) {
      return Optional.empty();
    }
    try {
      Matcher m = VERSION.matcher(Files.readString(release));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
