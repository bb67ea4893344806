package io.shaledb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
}
