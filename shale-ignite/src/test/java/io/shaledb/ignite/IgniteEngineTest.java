package io.shaledb.ignite;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine conformance suite on a one-node cluster, started once for the class; each test gets its own keyspace
 * (an Ignite table named after the test's directory), and reopening the engine reattaches to that keyspace. Slow:
 * the node takes seconds to start and each keyspace's tables about a second to create.
 */
@Tag("slow")
class IgniteEngineTest extends StorageEngineContract {
  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(1, clusterDirectory);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected StorageEngine open(Path directory) {
    return IgniteEngine.attach(cluster.node(0).ignite(), tableFor(directory), 1, 8);
  }

  /**
   * A fifth of the usual: Ignite settles lock conflicts by aborting a contender, whose commit runs again after a
   * pause, so every contended commit costs milliseconds; 4 writers of 40 to 60 commits still overlap throughout.
   */
  @Override
  protected int contendedCommits(int usual) {
    return usual / 5;
  }

  static String tableFor(Path directory) {
    return "T" + HexFormat.of().withUpperCase().toHexDigits(directory.toAbsolutePath().toString().hashCode());
  }
}
