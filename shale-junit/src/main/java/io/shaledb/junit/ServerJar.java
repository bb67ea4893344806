package io.shaledb.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * The server's runnable jar for a child process. {@code io.shaledb:shale-junit-server}, a dependency of this module,
 * carries it as a class-path resource (no classes of its own, so nothing of the server meets the test's class path);
 * a JVM cannot run a jar inside a jar, so it is copied out once into a cache folder, under a name made of its size
 * and checksum as the enclosing jar records them: a rebuilt snapshot gets a new copy, and no start reads the 100 MB
 * to compare. The system property {@value #PROPERTY} names a server jar to run instead (such as the one in the
 * server distribution).
 */
final class ServerJar {
  static final String PROPERTY = "shaledb.server.jar";
  static final String RESOURCE = "io/shaledb/junit/server/shaledb-server.jar";
  static final String CACHE_PROPERTY = "shaledb.cache.dir";
  /** Older copies kept besides the one in use, for test runs of other builds on the same machine. */
  private static final int KEPT_COPIES = 2;

  private ServerJar() {}

  /** The jar to run. */
  static Path locate() {
    String named = System.getProperty(PROPERTY, "");
    if (!named.isBlank()) {
      Path jar = Path.of(named);
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("-D" + PROPERTY + " names " + jar + ", which is not a file");
      }
      return jar;
    }
    URL resource = Optional.ofNullable(ServerJar.class.getClassLoader().getResource(RESOURCE)).orElseThrow(() ->
        new IllegalStateException("the ShaleDB server jar (" + RESOURCE + ") is not on the test class path: add"
            + " io.shaledb:shale-junit-server, which io.shaledb:shale-junit normally brings, or name a server jar"
            + " with -D" + PROPERTY));
    try {
      return switch (resource.getProtocol()) {
        case "file" -> Path.of(resource.toURI());
        case "jar" -> extracted(resource);
        default -> throw new IllegalStateException("cannot run the ShaleDB server jar from " + resource);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the ShaleDB server jar out of " + resource, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where copies of server jars and their class data archives are kept. */
  static Path cacheDirectory() {
    String named = System.getProperty(CACHE_PROPERTY, "");
    if (!named.isBlank()) {
      return Path.of(named);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path home = Path.of(System.getProperty("user.home"));
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
    return Files.isWritable(base) || (!Files.exists(base) && Files.isWritable(home))
        ? base.resolve("shaledb") : Path.of(System.getProperty("java.io.tmpdir"), "shaledb-cache");
  }

  private static Path extracted(URL resource) throws IOException {
    JarURLConnection connection = (JarURLConnection) resource.openConnection();
    connection.setUseCaches(false);
    JarEntry entry = connection.getJarEntry();
    Path copy = cacheDirectory().resolve("shaledb-server-" + Long.toHexString(entry.getCrc()) + "-"
        + entry.getSize() + ".jar");
    if (Files.isRegularFile(copy) && Files.size(copy) == entry.getSize()) {
      connection.getJarFile().close();
      return copy;
    }
    Files.createDirectories(copy.getParent());
    Path partial = Files.createTempFile(copy.getParent(), "shaledb-server-", ".partial");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      connection.getJarFile().close();
    }
    // Another test JVM may be copying the same jar: the rename makes either copy appear whole or not at all.
    try {
      Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    removeOldCopies(copy);
    return copy;
  }

  /**
   * Each build of a snapshot is a new 100 MB copy, so only the few most recently written stay (a JVM still running an
   * older one keeps its open file where the system allows, and elsewhere the removal just fails).
   */
  private static void removeOldCopies(Path kept) throws IOException {
    List<Path> copies;
    try (Stream<Path> files = Files.list(kept.getParent())) {
      copies = files.filter(file -> file.getFileName().toString().matches("shaledb-server-.*\\.jar"))
          .filter(file -> !file.equals(kept))
          .sorted(Comparator.comparing(ServerJar::modified).reversed())
          .toList();
    }
    for (Path old : copies.subList(Math.min(KEPT_COPIES, copies.size()), copies.size())) {
      try {
        Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".jsa"));
        Files.deleteIfExists(old);
      } catch (IOException e) {
        // In use on a system that keeps open files: left for a later run.
      }
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
