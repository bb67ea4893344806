package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's partition storage: chosen by the engine option, and kept for the life of the node's data directory. */
class PartitionStorageTest {
  @TempDir
  Path data;

  @Test
  void configuration_namesTheChosenEngine_andReadsBackAsIt() {
    for (PartitionStorage storage : PartitionStorage.values()) {
      String configuration = node(storage).configuration();

      assertThat(configuration).contains("engine: " + storage.engineName() + ",");
      assertThat(PartitionStorage.namedIn(configuration)).contains(storage);
    }
  }

  @Test
  void namedIn_theConfigurationAsIgniteWritesItBack_findsTheEngine() {
    String rewritten = """
        ignite {
            storage {
                engines {
                    aipersist {
                        checkpoint {
                            intervalMillis=180000
                        }
                    }
                }
                profiles=[
                    {
                        engine=rocksdb
                        name=default
                        sizeBytes=67108864
                    }
                ]
            }
        }
        """;

    assertThat(PartitionStorage.namedIn(rewritten)).contains(PartitionStorage.ROCKSDB);
    assertThat(PartitionStorage.namedIn("ignite { raft.fsync: true }")).isEmpty();
  }

  @Test
  void named_unknownEngine_namesTheChoices() {
    assertThatThrownBy(() -> PartitionStorage.named("aimem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown partition-storage aimem: one of aipersist, rocksdb");
  }

  @Test
  void open_nodeDirectoryOfAnotherStorage_isRefusedBeforeIgniteStarts() throws IOException {
    Path work = Files.createDirectories(data.resolve("ignite"));
    Files.writeString(work.resolve(EmbeddedNode.CONFIGURATION_FILE), node(PartitionStorage.AIPERSIST).configuration());
    Files.createDirectories(work.resolve("partitions"));
    EngineOptions options = new EngineOptions(data, Durability.FSYNC, Map.of("partition-storage", "rocksdb"));

    assertThatThrownBy(() -> new IgniteEngineProvider().open(options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the node in " + work + " keeps its partitions in aipersist storage: start it with"
            + " --engine-option partition-storage=aipersist (partition-storage rocksdb would leave them unread)");
  }

  private NodeSettings node(PartitionStorage storage) {
    return new NodeSettings("n0", "127.0.0.1", 3344, List.of("127.0.0.1:3344"), 10800, 10300, data.resolve("ignite"),
        true, storage, 64L << 20, NodeSettings.DEFAULT_CHECKPOINT_MILLIS, FailureDetection.DEFAULT, true);
  }
}
