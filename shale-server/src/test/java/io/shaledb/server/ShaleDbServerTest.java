package io.shaledb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShaleDbServerTest {
  @TempDir
  Path data;

  private ServerConfig durableOn(int port) {
    return ServerConfig.durableOnRandomPort(data).withPort(port);
  }

  /** A start that cannot bind closes what it opened: the database's lock is free for the next start. */
  @Test
  void startOnAPortInUse_failsWithTheAddress_andReleasesTheDatabase() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> ShaleDbServer.start(durableOn(taken.getLocalPort())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .hasMessageContaining("Address already in use");
    }
    try (ShaleDbServer server = ShaleDbServer.start(durableOn(0))) {
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void startOnAPortInUse_inADirectoryThatDidNotExist_leavesNoDirectoryBehind() throws Exception {
    Path fresh = data.resolve("fresh");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> ShaleDbServer.start(ServerConfig.durableOnRandomPort(fresh)
          .withPort(taken.getLocalPort()))).isInstanceOf(IllegalStateException.class);
    }
    assertThat(fresh).doesNotExist();
  }

  @Test
  void startOnAPortInUse_inAnEmptyDirectory_leavesItEmpty() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> ShaleDbServer.start(durableOn(taken.getLocalPort())))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(data).isEmptyDirectory();
  }

  @Test
  void start_unknownEngineOption_failsNamingIt_andCreatesNothing() {
    Path fresh = data.resolve("fresh");
    ServerConfig config = ServerConfig.durableOnRandomPort(fresh);

    assertThatThrownBy(() -> ShaleDbServer.start(config.withStorage(config.storage().withTuning(Map.of(
        "cache", "1g")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown rocksdb engine option 'cache' (known: background-jobs, block-cache, write-buffer)");
    assertThat(fresh).doesNotExist();
  }

  /** The second start fails on the database's lock, and the database the first one holds stays as it was. */
  @Test
  void start_onADirectoryAnotherServerHolds_failsSayingSo_andLeavesTheDatabase() throws Exception {
    try (ShaleDbServer first = ShaleDbServer.start(durableOn(0))) {
      assertThatThrownBy(() -> ShaleDbServer.start(durableOn(0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot open RocksDB in " + data + ": ")
          .hasMessageContaining("lock");
      assertThat(data.resolve("CURRENT")).exists();
      assertThat(first.port()).as("the first server still serves").isPositive();
    }
  }
}
