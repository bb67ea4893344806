package io.shaledb.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's files, read from the class path under {@code console/} the first time each is asked for and kept.
 * Only names of lower-case letters, digits and dashes in folders of the same, with an extension the console uses,
 * are looked up: no dot segment can climb out of the folder, no folder is read as a file, and a request for any other
 * name reads nothing (so nothing but real files is ever kept).
 */
final class ConsoleFiles {
  static final String FOLDER = "console/";
  private static final Pattern NAME = Pattern.compile("(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");

  /** A file's bytes and content type. */
  record File(String contentType, byte[] body) {}

  private final ClassLoader loader;
  private final Map<String, File> read = new ConcurrentHashMap<>();

  ConsoleFiles(ClassLoader loader) {
    this.loader = loader;
  }

  /** The file at {@code name}, relative to the console's folder, if there is one. */
  Optional<File> find(String name) {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    File known = read.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return Optional.empty();
      }
      File file = new File(contentType(matcher.group(1)), in.readAllBytes());
      read.put(name, file);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console's " + name, e);
    }
  }

  /** The content type of an extension {@link #NAME} admits. */
  private static String contentType(String extension) {
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml";
      default -> throw new IllegalArgumentException("not a console file's extension: " + extension);
    };
  }
}
