package io.shaledb.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A data directory as a start found it, so that a start that fails leaves no empty database behind: when the
 * directory was missing or empty before, {@link #discard} removes what the start created there. A directory that
 * held anything is never touched, since it may be a database, the user's files or another server's.
 */
final class NewDataDirectory {
  private final Path directory;
  private final boolean existed;

  private NewDataDirectory(Path directory, boolean existed) {
    this.directory = directory;
    this.existed = existed;
  }

  /** The directory before a start, when it is missing or empty; empty when it holds something or there is none. */
  static Optional<NewDataDirectory> before(@Nullable Path directory) {
    if (directory == null) {
      return Optional.empty();
    }
    if (!Files.exists(directory)) {
      return Optional.of(new NewDataDirectory(directory, false));
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty() ? Optional.of(new NewDataDirectory(directory, true)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Removes what the failed start created (the directory too, when it did not exist before); a file it cannot
   * remove is added to {@code failure}, which stays the error to report.
   */
  void discard(Exception failure) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      List<Path> created = files.filter(path -> !existed || !path.equals(directory))
          .sorted(Comparator.reverseOrder())
          .toList();
      for (Path path : created) {
        Files.delete(path);
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
