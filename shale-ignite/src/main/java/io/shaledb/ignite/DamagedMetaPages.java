package io.shaledb.ignite;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The partition files of a stopped node whose meta page fails its checksum, found before Ignite opens them.
 *
 * <p>aipersist does not fail on such a page: {@code PartitionMetaManager.readOrCreateMeta} (Ignite 3.1) catches the
 * checksum failure, logs it at INFO and writes a new, empty meta page, so the partition's storage opens empty, its last
 * applied Raft index 0, and what it held must come back from the partition's Raft log. Once a Raft snapshot has
 * truncated that log (Ignite takes one an hour), it cannot: the replica's Raft node refuses to start ("Missing logs in
 * (0, n)"), and the node's start fails with a cause that says only "Fail to init node". The new page also erases the
 * damage, so this look must come before the first launch (docs/cluster.md, "Where a checksum failure shows").
 *
 * <p>A meta page is read as aipersist reads it: the first page after the file's header (one page long), its CRC32
 * (stored inverted, in the platform's byte order, at offset 4) computed over the page with that field zeroed. A
 * partition with delta files is not judged: its latest meta page may be in one of them, which aipersist reads first.
 */
final class DamagedMetaPages {
  /** aipersist's page size, as ShaleDB leaves it, and the size of a partition file's header. */
  private static final int PAGE = 16 * 1024;
  private static final int CRC_OFFSET = 4;
  private static final Pattern PARTITION_FILE = Pattern.compile("part-(\\d+)\\.bin");

  private DamagedMetaPages() {}

  /** The partition files under the node's Ignite directory whose meta page fails its checksum. */
  static List<Path> in(Path workDirectory) {
    Path partitions = workDirectory.resolve("partitions");
    if (!Files.isDirectory(partitions)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(partitions)) {
      return files.filter(DamagedMetaPages::isJudged).filter(DamagedMetaPages::failsItsChecksum).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the partition files in " + partitions, e);
    }
  }

  /** A partition file holding a meta page, without delta files that may hold a later one. */
  private static boolean isJudged(Path file) {
    Matcher name = PARTITION_FILE.matcher(file.getFileName().toString());
    if (!name.matches() || file.toFile().length() < 2L * PAGE) {
      return false;
    }
    String deltaPrefix = "part-" + name.group(1) + "-delta-";
    try (Stream<Path> siblings = Files.list(file.getParent())) {
      return siblings.noneMatch(sibling -> sibling.getFileName().toString().startsWith(deltaPrefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + file.getParent(), e);
    }
  }

  private static boolean failsItsChecksum(Path file) {
    ByteBuffer page = ByteBuffer.allocate(PAGE).order(ByteOrder.nativeOrder());
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(PAGE);
      in.readFully(page.array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the meta page of " + file, e);
    }
    int saved = page.getInt(CRC_OFFSET);
    page.putInt(CRC_OFFSET, 0);
    CRC32 crc = new CRC32();
    crc.update(page.array());
    return ~(int) crc.getValue() != saved;
  }
}
