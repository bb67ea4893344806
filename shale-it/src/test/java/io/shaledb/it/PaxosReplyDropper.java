package io.shaledb.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shaledb.core.consensus.PaxosCodec;
import io.shaledb.core.consensus.PaxosRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A forwarder on 127.0.0.1 standing between a region and one of its peers: every call passes through, except that a
 * consensus call ({@code ShaleDBReplication_20261205.Paxos}) whose request {@link #loseRepliesOf} picks reaches the
 * peer, which acts on it, and its reply is lost on the way back (the caller gets a 500, which it takes as no answer).
 * The peers of these tests have no users, so they do not verify the signature its changed Host header breaks.
 */
final class PaxosReplyDropper implements AutoCloseable {
  private static final String TARGET = "X-Amz-Target";
  /** Headers the JDK's client sets itself. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final HttpServer server;
  /** A call waits for the peer's answer; the region's calls to the peer go side by side, as they do without it. */
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI peer;
  private final ObjectMapper json = new ObjectMapper();
  private volatile Predicate<PaxosRequest> lost = request -> false;

  PaxosReplyDropper(int peerPort) throws IOException {
    this.peer = URI.create("http://127.0.0.1:" + peerPort + "/");
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(handlers);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** From now on, the replies to the consensus requests {@code lost} picks are lost. */
  void loseRepliesOf(Predicate<PaxosRequest> lost) {
    this.lost = lost;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(peer.resolve(exchange.getRequestURI().getRawPath()))
          .timeout(Duration.ofSeconds(30))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
      }
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (replyLost(exchange.getRequestHeaders().getFirst(TARGET), body)) {
        respond(exchange, 500, "{\"__type\":\"InternalServerError\",\"message\":\"reply lost\"}"
            .getBytes(StandardCharsets.UTF_8));
      } else {
        response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set(
            "Content-Type", type));
        respond(exchange, response.statusCode(), response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean replyLost(String target, byte[] body) throws IOException {
    if (target == null || !target.endsWith(".Paxos")) {
      return false;
    }
    JsonNode call = json.readTree(body);
    return lost.test(PaxosCodec.decodeRequest(Base64.getDecoder().decode(call.get("Request").asText())));
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    client.close();
  }
}
