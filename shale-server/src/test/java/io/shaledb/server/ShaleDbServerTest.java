package io.shaledb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShaleDbServerTest {
  @TempDir
  Path data;

  private ServerConfig durableOn(int port) {
    return new ServerConfig("127.0.0.1", port, data, false, "us-east-1", Duration.ofSeconds(60), Clock.systemUTC());
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

  /** What decides whether the command line writes its class data archive at a stop. */
  @Test
  void answeredAny_turnsTrueWithTheFirstResponse() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(durableOn(0));
        HttpClient client = HttpClient.newHttpClient()) {
      assertThat(server.answeredAny()).isFalse();
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.endpoint()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).startsWith("healthy: ");
      assertThat(server.answeredAny()).isTrue();
    }
  }
}
