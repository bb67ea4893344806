package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.server.Observability;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a server without users (authentication off) answers: requests naming a loopback host or an allowed one, never
 * one a DNS-rebinding page would send; CORS for allowed origins only; and no listening beyond loopback unless told.
 */
class HostAndOriginIT {

  /** The head and body of a raw HTTP/1.1 exchange, so that a test sets any Host header it likes. */
  private static String exchange(ShaleDbServer server, String host, String origin) throws IOException {
    String body = "{\"TableName\":\"Any\"}";
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: " + host + "\r\n" + (origin.isEmpty() ? "" : "Origin: " + origin + "\r\n")
          + "X-Amz-Target: DynamoDB_20120810.Scan\r\nAuthorization: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
          + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void scan_hostNamedByADnsRebindingPage_isRefused() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort())) {
      String refused = exchange(server, "evil.example:" + server.port(), "");
      String served = exchange(server, "localhost:" + server.port(), "");

      assertThat(refused).startsWith("HTTP/1.1 400 ")
          .contains("{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\",\"message\":\"The security"
              + " token included in the request is invalid.\"}");
      assertThat(served).as("the table does not exist, but the request was run")
          .contains("ResourceNotFoundException");
    }
  }

  @Test
  void scan_allowedHost_isServed() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withSecurity(
        new ServerSecurity(Set.of("db.internal"), Set.of(), false, null, null, null)))) {
      assertThat(exchange(server, "db.internal:" + server.port(), "")).contains("ResourceNotFoundException");
      assertThat(exchange(server, "[::1]:" + server.port(), "")).contains("ResourceNotFoundException");
      assertThat(exchange(server, "127.0.0.2", "")).contains("ResourceNotFoundException");
      assertThat(exchange(server, "db.internal.evil.example", "")).contains("UnrecognizedClientException");
    }
  }

  @Test
  void cors_onlyConfiguredLoopbackAndOwnOrigins_mayReadResponses() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withSecurity(
        new ServerSecurity(Set.of(), Set.of("https://app.example.com"), false, null, null, null)))) {
      String host = "127.0.0.1:" + server.port();

      assertThat(exchange(server, host, "https://app.example.com"))
          .contains("access-control-allow-origin: https://app.example.com");
      assertThat(exchange(server, host, "http://127.0.0.1:" + server.port()))
          .contains("access-control-allow-origin: http://127.0.0.1:" + server.port());
      assertThat(exchange(server, host, "https://evil.example")).doesNotContain("access-control-allow-origin");
    }
  }

  @Test
  void start_nonLoopbackAddressWithoutUsers_isRefusedUnlessInsecureNoAuth() {
    ServerConfig anyAddress = new ServerConfig("0.0.0.0", 0, ServerConfig.MEMORY_ENGINE,
        ServerConfig.inMemoryOnRandomPort().storage(), ServerConfig.DEFAULT_REGION,
        ServerConfig.DEFAULT_MAINTENANCE_INTERVAL, java.time.Clock.systemUTC(),
        ServerConfig.inMemoryOnRandomPort().httpLimits(), ServerSecurity.defaults(), CapacityMode.OFF,
        Observability.defaults(), true);

    assertThatThrownBy(() -> ShaleDbServer.start(anyAddress)).isInstanceOf(IllegalStateException.class)
        .hasMessage("no user exists, so listening on 0.0.0.0, which is not a loopback address, would serve anyone who"
            + " can reach it without authentication: create a user and key first (shaledb users create NAME,"
            + " shaledb users keys create NAME), or pass --insecure-no-auth");
  }
}
