package io.shaledb.ignite;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The engine {@code ignite-test-cluster}: a three-node cluster in this JVM, started in the data directory when the
 * engine opens and stopped when it closes, every partition on all three nodes, reached through node 0. For suites that
 * run a server on a cluster ({@code -Dshaledb.engine=ignite-test-cluster} in shale-it's cluster profile).
 */
public final class TestClusterEngineProvider implements StorageEngineProvider {
  private static final int NODES = 3;
  private static final int PARTITIONS = 8;

  @Override
  public String name() {
    return "ignite-test-cluster";
  }

  @Override
  public StorageEngine open(EngineOptions options) {
    Path directory = Objects.requireNonNull(options.dataDirectory(), "the test cluster needs a data directory");
    TestCluster cluster = TestCluster.start(NODES, directory.resolve("cluster"));
    return IgniteEngine.owning(cluster, cluster.node(0).cutOff(), cluster.node(0).ignite(), IgniteEngineProvider.TABLE,
        new ZoneSettings(NODES, PARTITIONS), List.of(), CallDeadline.DEFAULT);
  }
}
