package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  @TempDir
  Path directory;

  @Test
  void start_onPartitionPagesFailingTheirChecksum_failsAsUnreadableStorage() throws IOException {
    EngineOptions options = PartitionFiles.oneNode(directory);
    PartitionFiles files = new PartitionFiles(directory.resolve("ignite").resolve("partitions"));
    try (StorageEngine engine = new IgniteEngineProvider().open(options)) {
      byte[] value = new byte[2000];
      for (int batch = 0; batch < 10; batch++) {
        Transaction tx = engine.begin();
        for (int i = 0; i < 100; i++) {
          tx.put(("key-" + batch + "-" + i).getBytes(StandardCharsets.UTF_8), value);
        }
        tx.commit();
      }
      PartitionFiles.await(files::checkpointed, "no checkpoint wrote the partitions");
    }

    int damaged = files.flipAByteInEveryPageAfterTheMeta();

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

}
