package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ignite.internal.pagememory.io.PageIo;
import org.apache.ignite.internal.util.FastCrc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meta pages checksummed by Ignite's own code, as aipersist writes them, and then damaged or not. */
class DamagedMetaPagesTest {
  private static final int PAGE = 16 * 1024;

  @TempDir
  Path work;

  private Path table;

  @BeforeEach
  void createTable() throws IOException {
    table = Files.createDirectories(work.resolve("partitions").resolve("db").resolve("db").resolve("table-21"));
  }

  @Test
  void in_metaPageHoldingItsChecksum_findsNothing() throws IOException {
    Files.write(table.resolve("part-0.bin"), partitionFile());

    assertThat(DamagedMetaPages.in(work)).isEmpty();
  }

  @Test
  void in_metaPageWithAByteFlipped_findsItsFile() throws IOException {
    byte[] file = partitionFile();
    file[PAGE + 100] ^= (byte) 0xFF;
    Files.write(table.resolve("part-1.bin"), file);
    Files.write(table.resolve("part-0.bin"), partitionFile());

    assertThat(DamagedMetaPages.in(work)).containsExactly(table.resolve("part-1.bin"));
  }

  @Test
  void in_damagedMetaPageOfAPartitionWithDeltaFiles_findsNothing() throws IOException {
    byte[] file = partitionFile();
    file[PAGE + 100] ^= (byte) 0xFF;
    Files.write(table.resolve("part-1.bin"), file);
    Files.write(table.resolve("part-1-delta-3.bin"), new byte[PAGE]);

    assertThat(DamagedMetaPages.in(work)).isEmpty();
  }

  @Test
  void in_noPartitionsYet_findsNothing() {
    assertThat(DamagedMetaPages.in(work.resolve("empty"))).isEmpty();
  }

  /** A header, then a meta page with some content and the checksum Ignite computes, then one more page. */
  private static byte[] partitionFile() {
    ByteBuffer meta = ByteBuffer.allocate(PAGE).order(ByteOrder.nativeOrder());
    for (int i = 16; i < PAGE; i += 7) {
      meta.put(i, (byte) i);
    }
    int crc = FastCrc.calcCrc(meta, PAGE);
    meta.rewind();
    PageIo.setCrc(meta, crc);
    byte[] file = new byte[3 * PAGE];
    System.arraycopy(meta.array(), 0, file, PAGE, PAGE);
    return file;
  }
}
