package io.shaledb.ignite;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The partition files whose meta page failed its checksum before a launch of this node ({@link DamagedMetaPages}),
 * kept in a file of the node's Ignite directory until a launch succeeds.
 *
 * <p>The launch after the look rewrites those meta pages (aipersist recreates them empty), so a later look finds nothing.
 * A node whose launch then failed, and which exited for an operator rather than rebuild itself, would at its next start
 * see a launch failing with a cause that names nothing ("Missing logs in (0, n)" from JRaft), and neither rebuild nor
 * say why. The mark carries the finding over that exit: it is written and synced, with its directory entry, before the
 * launch, and read at every start as if the look had found the files again. It describes this node's own files, so it
 * lives beside them, and it moves aside with them when the node rebuilds itself ({@link UnreadableStorage}).
 *
 * <p>Its text: a header naming the format and its version, the damaged files one a line (relative to the Ignite
 * directory), and an end line. It is written to a temporary file that is then renamed over it, so a reader sees the
 * old mark or the new one; a mark that is torn anyway (no header or no end line: a file system that broke the rename's
 * promise, or a damaged disk) or cannot be read is still taken for a finding, only one whose files are unknown. The
 * mark exists only because a look once found damage, and it changes only what a launch that fails is taken for.
 */
final class DamagedMetaPagesMark {
  /** The mark's file in the node's Ignite directory; ShaleDB's name, beside Ignite's own files. */
  static final String FILE = "shaledb-damaged-meta-pages";
  private static final String HEADER = "ShaleDB partition files whose meta page failed its checksum, format 1";
  private static final String END = "end";
  private static final System.Logger LOG = System.getLogger(DamagedMetaPagesMark.class.getName());

  private final Path workDirectory;

  /** The mark of the node whose Ignite directory is {@code workDirectory}. */
  DamagedMetaPagesMark(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  /**
   * Adds {@code damaged}, partition files under the Ignite directory, to the files the mark names, durably: this must
   * hold before the launch that rewrites their meta pages. Nothing is written when {@code damaged} is empty.
   */
  void add(List<Path> damaged) {
    if (damaged.isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>(named().orElse(List.of()));
    damaged.forEach(file -> names.add(workDirectory.relativize(file).toString()));
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.addAll(names);
    lines.add(END);
    write(String.join("\n", lines) + "\n");
  }

  /**
   * The damaged files the mark names, to be reported as such; nothing when there is no mark. A torn or unreadable mark
   * answers so, naming itself.
   */
  Optional<String> read() {
    if (!Files.exists(file())) {
      return Optional.empty();
    }
    return Optional.of(named().map(List::toString).orElse("files named in " + file() + ", which is torn or cannot be "
        + "read"));
  }

  /** Removes the mark once a launch succeeded: the partitions it names serve again, as their Raft logs rebuilt them. */
  void remove() {
    try {
      Files.deleteIfExists(temporaryFile());
      if (Files.deleteIfExists(file())) {
        syncDirectory();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file(), e);
    }
  }

  /** The files an intact mark names; nothing for a torn or unreadable one, or none. */
  private Optional<List<String>> named() {
    if (!Files.exists(file())) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file(), UTF_8);
      boolean intact = lines.size() >= 2 && lines.get(0).equals(HEADER) && lines.get(lines.size() - 1).equals(END);
      return intact ? Optional.of(lines.subList(1, lines.size() - 1)) : Optional.empty();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read " + file(), e);
      return Optional.empty();
    }
  }

  private void write(String text) {
    Path temporary = temporaryFile();
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(), e);
    }
  }

  /** Syncs the directory's entries, so that the rename or removal survives a power cut. */
  private void syncDirectory() throws IOException {
    try (FileChannel directory = FileChannel.open(workDirectory, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private Path file() {
    return workDirectory.resolve(FILE);
  }

  private Path temporaryFile() {
    return workDirectory.resolve(FILE + ".tmp");
  }
}
