package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose partition files fail their page checksums, damaged on disk while it was stopped, is recognized as
 * unreadable storage when it starts again: its launch fails at once and for good, so it is not started again for five
 * minutes as a launch that did not join is. The node keeps one copy of each partition here, so it refuses to rebuild
 * its data and exits for an operator, its data left where it was.
 */
@Tag("slow")
class UnreadableStorageDamageTest {
  /** aipersist's page size, and the size of a partition file's header, which precedes its pages. */
  private static final int PAGE = 16 * 1024;

  @TempDir
  Path directory;

  @Test
  void start_onPartitionPagesFailingTheirChecksum_failsAsUnreadableStorage() throws IOException {
    int port = freePort();
    EngineOptions options = new EngineOptions(directory, Durability.FSYNC, Map.of("node-name", "n0", "port",
        Integer.toString(port), "seeds", "127.0.0.1:" + port, "init", "n0", "replicas", "1", "partitions", "2",
        "client-port", Integer.toString(freePort()), "rest-port", Integer.toString(freePort()), "page-memory", "64m",
        "checkpoint-interval", "1000"));
    Path partitions = directory.resolve("ignite").resolve("partitions");
    try (StorageEngine engine = new IgniteEngineProvider().open(options)) {
      byte[] value = new byte[2000];
      for (int batch = 0; batch < 10; batch++) {
        Transaction tx = engine.begin();
        for (int i = 0; i < 100; i++) {
          tx.put(("key-" + batch + "-" + i).getBytes(StandardCharsets.UTF_8), value);
        }
        tx.commit();
      }
      awaitCheckpointedPages(partitions);
    }

    int damaged = flipAByteInEveryPageAfterTheMeta(partitions);

    assertThat(damaged).isPositive();
    assertThatThrownBy(() -> new IgniteEngineProvider().open(options).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node n0 cannot read its partition storage, and does not rebuild it by itself: the keyspace keeps 1"
            + " copy of each partition, so the others hold no majority of a partition without this node's copy"
            + " (docs/cluster.md, \"Replacing a node's data\")")
        .rootCause().hasMessageContaining("Failed to read page (CRC validation failed)");
    assertThat(directory.resolve("ignite")).isDirectory();
    assertThat(directory.resolve("ignite.unreadable")).doesNotExist();
  }

  /** Waits, a minute at most, until a checkpoint has written pages beyond a partition's meta page. */
  private static void awaitCheckpointedPages(Path partitions) throws IOException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (partitionFiles(partitions).stream().noneMatch(file -> file.toFile().length() > 3L * PAGE)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no checkpoint wrote the partitions within a minute");
      }
      LockSupport.parkNanos(100_000_000);
    }
  }

  /** Flips one byte in the body of every page after each partition file's meta page; answers how many. */
  private static int flipAByteInEveryPageAfterTheMeta(Path partitions) throws IOException {
    int damaged = 0;
    for (Path partition : partitionFiles(partitions)) {
      try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "rw")) {
        for (long page = 2L * PAGE; page + PAGE <= file.length(); page += PAGE) {
          file.seek(page + 100);
          int original = file.read();
          file.seek(page + 100);
          file.write(original ^ 0xFF);
          damaged++;
        }
      }
    }
    return damaged;
  }

  private static List<Path> partitionFiles(Path partitions) throws IOException {
    if (!Files.isDirectory(partitions)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(partitions)) {
      return files.filter(file -> file.getFileName().toString().matches("part-\\d+\\.bin")).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
