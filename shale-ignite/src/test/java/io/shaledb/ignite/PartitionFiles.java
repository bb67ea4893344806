package io.shaledb.ignite;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The partition files of a stopped node's aipersist storage, as the storage damage tests read and damage them: each
 * file is a header of one page, then its meta page, then the partition's other pages.
 */
final class PartitionFiles {
  /** aipersist's page size, and the size of a partition file's header, which precedes its pages. */
  static final int PAGE = 16 * 1024;
  /** aipersist's type of a page holding rows ({@code DataPageIo}), in the first two bytes of the page (x86's order). */
  private static final int DATA_PAGE = 1000;
  /** How many times a walk of the partitions directory is tried while the node deletes files in it. */
  private static final int WALKS = 5;

  private final Path partitions;

  /** The partition files under {@code partitions}, the {@code partitions} folder of a node's Ignite directory. */
  PartitionFiles(Path partitions) {
    this.partitions = partitions;
  }

  /**
   * Options of a one-node cluster on {@code directory} keeping one copy of two partitions, checkpointing every second,
   * so that a test finds its writes in the partition files soon.
   */
  static EngineOptions oneNode(Path directory) {
    int port = TestCluster.freePort();
    return new EngineOptions(directory, Durability.FSYNC, Map.of("node-name", "n0", "port", Integer.toString(port),
        "seeds", "127.0.0.1:" + port, "init", "n0", "replicas", "1", "partitions", "2", "client-port",
        Integer.toString(TestCluster.freePort()), "rest-port", Integer.toString(TestCluster.freePort()), "page-memory",
        "64m", "checkpoint-interval", "1000"));
  }

  /** The partition files themselves ({@code part-N.bin}). */
  List<Path> partitionFiles() {
    return files("part-\\d+\\.bin");
  }

  /** The delta files a checkpoint wrote and has not merged into the partition files yet. */
  List<Path> deltaFiles() {
    return files("part-\\d+-delta-\\d+\\.bin");
  }

  /** Whether a checkpoint has written pages beyond a partition's meta page. */
  boolean checkpointed() {
    return partitionFiles().stream().anyMatch(file -> file.toFile().length() > 3L * PAGE);
  }

  /** How many data pages the partition files hold. */
  int dataPages() {
    int pages = 0;
    for (Path partition : partitionFiles()) {
      try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "r")) {
        for (long page = 2L * PAGE; page + PAGE <= file.length(); page += PAGE) {
          if (isDataPage(file, page)) {
            pages++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }

  /** Flips one byte in the body of each partition file's meta page; answers the files damaged. */
  List<Path> flipAByteInTheMetaPages() {
    List<Path> damaged = partitionFiles().stream().filter(file -> file.toFile().length() >= 2L * PAGE).toList();
    for (Path partition : damaged) {
      try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "rw")) {
        flipAByte(file, PAGE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return damaged;
  }

  /** Flips one byte in the body of every page after each partition file's meta page; answers how many. */
  int flipAByteInEveryPageAfterTheMeta() {
    return flipAByteInPagesAfterTheMeta(false);
  }

  /** Flips one byte in the body of every data page of the partition files; answers how many. */
  int flipAByteInEveryDataPage() {
    return flipAByteInPagesAfterTheMeta(true);
  }

  /** Waits, a minute at most, until {@code done} holds; fails naming {@code what} did not happen. */
  static void await(BooleanSupplier done, String what) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + " within a minute");
      }
      LockSupport.parkNanos(100_000_000);
    }
  }

  private int flipAByteInPagesAfterTheMeta(boolean dataPagesOnly) {
    int damaged = 0;
    for (Path partition : partitionFiles()) {
      try (RandomAccessFile file = new RandomAccessFile(partition.toFile(), "rw")) {
        for (long page = 2L * PAGE; page + PAGE <= file.length(); page += PAGE) {
          if (!dataPagesOnly || isDataPage(file, page)) {
            flipAByte(file, page);
            damaged++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return damaged;
  }

  private static void flipAByte(RandomAccessFile file, long page) throws IOException {
    file.seek(page + 100);
    int original = file.read();
    file.seek(page + 100);
    file.write(original ^ 0xFF);
  }

  private static boolean isDataPage(RandomAccessFile file, long page) throws IOException {
    file.seek(page);
    int low = file.read();
    int high = file.read();
    return (low | high << 8) == DATA_PAGE;
  }

  /**
   * The files under the partitions directory whose name matches. A running node deletes files there (RocksDB's
   * compactions of the transaction state, a checkpoint's merged delta files), and a walk that meets one already gone
   * fails, so it is walked again, a few times at most.
   */
  private List<Path> files(String name) {
    for (int attempt = 1; ; attempt++) {
      if (!Files.isDirectory(partitions)) {
        return List.of();
      }
      try (Stream<Path> files = Files.walk(partitions)) {
        return files.filter(file -> file.getFileName().toString().matches(name)).toList();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == WALKS) {
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
