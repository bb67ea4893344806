package io.shaledb.ignite;

import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine conformance suite on a three-node cluster in this JVM, every partition on all three nodes: commits need a
 * majority of replicas and partitions are led from different nodes, so reads and commits through node 0 cross nodes.
 */
@Tag("slow")
class IgniteClusterEngineTest extends StorageEngineContract {
  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(3, clusterDirectory);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected StorageEngine open(Path directory) {
    return IgniteEngine.attach(cluster.node(0).ignite(), IgniteEngineTest.tableFor(directory), 3, 8);
  }

  /** As on one node ({@link IgniteEngineTest#contendedCommits}). */
  @Override
  protected int contendedCommits(int usual) {
    return usual / 5;
  }
}
