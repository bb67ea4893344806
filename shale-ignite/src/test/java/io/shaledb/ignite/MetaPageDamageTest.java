package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
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
 */
@Tag("slow")
class MetaPageDamageTest {
  /** aipersist's page size, and the size of a partition file's header, which precedes its pages. */
  private static final int PAGE = 16 * 1024;

  private static final int ITEMS = 1000;

  @TempDir
  Path directory;

  @Test
  void start_onPartitionMetaPagesFailingTheirChecksum_replaysTheLogAndServesEveryItem() throws IOException {
    int port = freePort();
    EngineOptions options = new EngineOptions(directory, Durability.FSYNC, Map.of("node-name", "n0", "port",
        Integer.toString(port), "seeds", "127.0.0.1:" + port, "init", "n0", "replicas", "1", "partitions", "2",
        "client-port", Integer.toString(freePort()), "rest-port", Integer.toString(freePort()), "page-memory", "64m",
        "checkpoint-interval", "1000"));
    Path partitions = directory.resolve("ignite").resolve("partitions");
    try (StorageEngine engine = new IgniteEngineProvider().open(options)) {
      for (int batch = 0; batch < ITEMS / 100; batch++) {
        Transaction tx = engine.begin();
        for (int i = batch * 100; i < (batch + 1) * 100; i++) {
          tx.put(key(i), value(i));
        }
        tx.commit();
      }
      awaitCheckpointedAndCompacted(partitions);
    }

    List<Path> damaged = flipAByteInTheMetaPages(partitions);

    assertThat(damaged).isNotEmpty();
    assertThat(damaged).allSatisfy(file -> assertThat(metaPageChecksumHolds(file)).as("%s damaged", file).isFalse());
    try (StorageEngine engine = new IgniteEngineProvider().open(options);
        Snapshot snapshot = engine.consistentSnapshot()) {
      assertThat(damaged).allSatisfy(file -> assertThat(metaPageChecksumHolds(file)).as("%s rewritten", file).isTrue());
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

  /**
   * Waits, a minute at most, until a checkpoint has written pages beyond a partition's meta page and the delta files
   * are merged into the partition files, which then hold the meta pages that a start reads.
   */
  private static void awaitCheckpointedAndCompacted(Path partitions) throws IOException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (partitionFiles(partitions).stream().noneMatch(file -> file.toFile().length() > 3L * PAGE)
        || !deltaFiles(partitions).isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no checkpoint wrote and merged the partitions within a minute");
      }
      LockSupport.parkNanos(100_000_000);
    }
  }

  /** Flips one byte in the body of each partition file's meta page; answers the files damaged. */
  private static List<Path> flipAByteInTheMetaPages(Path partitions) throws IOException {
    List<Path> files =
        partitionFiles(partitions).stream().filter(file -> file.toFile().length() >= 2L * PAGE).toList();
    for (Path partition : files) {
      try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "rw")) {
        file.seek(PAGE + 100);
        int original = file.read();
        file.seek(PAGE + 100);
        file.write(original ^ 0xFF);
      }
    }
    return files;
  }

  /** Whether the meta page of {@code partition} holds the checksum saved in it, as aipersist checks it when reading. */
  private static boolean metaPageChecksumHolds(Path partition) throws IOException {
    ByteBuffer page = ByteBuffer.allocate(PAGE).order(ByteOrder.nativeOrder());
    try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "r")) {
      file.seek(PAGE);
      file.readFully(page.array());
    }
    int saved = PageIo.getCrc(page);
    PageIo.setCrc(page, 0);
    return FastCrc.calcCrc(page, PAGE) == saved;
  }

  private static List<Path> partitionFiles(Path partitions) throws IOException {
    return files(partitions, "part-\\d+\\.bin");
  }

  private static List<Path> deltaFiles(Path partitions) throws IOException {
    return files(partitions, "part-\\d+-delta-\\d+\\.bin");
  }

  private static List<Path> files(Path partitions, String name) throws IOException {
    if (!Files.isDirectory(partitions)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(partitions)) {
      return files.filter(file -> file.getFileName().toString().matches(name)).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
