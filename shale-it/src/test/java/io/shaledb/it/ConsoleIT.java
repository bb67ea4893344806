package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The console over HTTP, without a browser: its pages and their headers, {@code --console off}, and the console's
 * own origin let through the Host and CORS rules when it is served under an allowed host name.
 */
class ConsoleIT {

  private static String exchange(ShaleDbServer server, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String get(ShaleDbServer server, String path) throws IOException {
    return exchange(server, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
        + "\r\nConnection: close\r\n\r\n");
  }

  @Test
  void get_console_isItsPageWithItsPolicy() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort())) {
      String page = get(server, "/console/");

      assertThat(page).startsWith("HTTP/1.1 200 OK")
          .contains("content-type: text/html; charset=utf-8")
          .contains("content-security-policy: default-src 'self'")
          .contains("<title>ShaleDB console</title>");
      assertThat(get(server, "/console")).startsWith("HTTP/1.1 301 Moved Permanently")
          .contains("location: /console/");
      assertThat(get(server, "/console/js/main.js")).contains("content-type: text/javascript; charset=utf-8");
      assertThat(get(server, "/console/settings.json")).endsWith("{\"region\":\"us-east-1\",\"authenticating\":false}");
    }
  }

  @Test
  void get_consoleTurnedOff_isNotFound() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withConsole(false))) {
      assertThat(get(server, "/console/")).startsWith("HTTP/1.1 404 Not Found");
      assertThat(get(server, "/")).as("the health check stays").startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void listTables_fromTheConsolesOwnOriginAtAnAllowedHost_isServedWithCors() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withSecurity(
        new ServerSecurity(Set.of("shale.example"), Set.of(), false, null, null, null)))) {
      String host = "shale.example:" + server.port();
      String body = "{}";

      String answer = exchange(server, "POST / HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
          + "\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nAuthorization: AWS4-HMAC-SHA256"
          + " Credential=console/20250101/us-east-1/dynamodb/aws4_request\r\nContent-Type:"
          + " application/x-amz-json-1.0\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

      assertThat(answer).startsWith("HTTP/1.1 200 OK")
          .contains("access-control-allow-origin: http://" + host)
          .endsWith("{\"TableNames\":[]}");
    }
  }
}
