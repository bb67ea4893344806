package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.internal.pagememory.io.PageIo;
import org.apache.ignite.internal.util.FastCrc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition file whose meta page (its first page, after the file's header) fails its checksum, damaged on disk while
 * the node was stopped. aipersist does not fail on it: {@code PartitionMetaManager.readOrCreateMeta} catches the
 * checksum failure, logs "Error reading partition meta page, will be recreated" and writes a new, empty meta page, so
 * the partition's storage opens empty, its last applied Raft index 0, and the partition's Raft log is replayed into it.
 * The launch that served removes the node's mark of the damage ({@link DamagedMetaPagesMark}).
 */
@Tag("slow")
class MetaPageDamageTest {
  private static final int ITEMS = 1000;

  @TempDir
  Path directory;

  @Test
  void start_onPartitionMetaPagesFailingTheirChecksum_replaysTheLogAndServesEveryItem() throws IOException {
    EngineOptions options = PartitionFiles.oneNode(directory);
    PartitionFiles files = new PartitionFiles(directory.resolve("ignite").resolve("partitions"));
    try (StorageEngine engine = new IgniteEngineProvider().open(options)) {
      for (int batch = 0; batch < ITEMS / 100; batch++) {
        Transaction tx = engine.begin();
        for (int i = batch * 100; i < (batch + 1) * 100; i++) {
          tx.put(key(i), value(i));
        }
        tx.commit();
      }
      PartitionFiles.await(() -> files.checkpointed() && files.deltaFiles().isEmpty(),
          "no checkpoint wrote and merged the partitions");
    }

    List<Path> damaged = files.flipAByteInTheMetaPages();

    assertThat(damaged).isNotEmpty();
    assertThat(damaged).allSatisfy(file -> assertThat(metaPageChecksumHolds(file)).as("%s damaged", file).isFalse());
    try (StorageEngine engine = new IgniteEngineProvider().open(options);
        Snapshot snapshot = engine.consistentSnapshot()) {
      assertThat(damaged).allSatisfy(file -> assertThat(metaPageChecksumHolds(file)).as("%s rewritten", file).isTrue());
      assertThat(directory.resolve("ignite").resolve(DamagedMetaPagesMark.FILE)).as("the mark, once the launch served")
          .doesNotExist();
      for (int i = 0; i < ITEMS; i++) {
        assertThat(snapshot.get(key(i))).as("item %d", i).isEqualTo(value(i));
      }
    }
  }

  private static byte[] key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    byte[] value = new byte[2000];
    value[0] = (byte) i;
    value[1] = (byte) (i >> 8);
    return value;
  }

  /** Whether the meta page of {@code partition} holds the checksum saved in it, as aipersist checks it when reading. */
  private static boolean metaPageChecksumHolds(Path partition) throws IOException {
    ByteBuffer page = ByteBuffer.allocate(PartitionFiles.PAGE).order(ByteOrder.nativeOrder());
    try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "r")) {
      file.seek(PartitionFiles.PAGE);
      file.readFully(page.array());
    }
    int saved = PageIo.getCrc(page);
    PageIo.setCrc(page, 0);
    return FastCrc.calcCrc(page, PartitionFiles.PAGE) == saved;
  }

}
