package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.shaledb.server.protocol.ApiHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits of {@link HttpLimits} on a real server and real sockets, with timeouts short enough for a test; the
 * exact timing is {@link ConnectionTimeoutsTest}'s. Every wait is bounded by a socket timeout or a future's.
 */
class HttpApiServerLimitsTest {
  private static final Duration LONG = Duration.ofSeconds(60);
  private static final Duration SHORT = Duration.ofMillis(200);
  /** Far beyond the short timeouts: a read still waiting then means the server did not close. */
  private static final int BOUND_MILLIS = 10_000;
  private static final long MEMORY = 4L * 1024 * 1024;
  private static final int LARGE_BODY = 1024 * 1024;
  private static final String THROTTLED = "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
      + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}";

  /** Answers small calls at once and holds large ones until released. */
  private final CountDownLatch releaseLargeCalls = new CountDownLatch(1);
  private final ApiHandler holdingLargeCalls = (request, body, response) -> {
    byte[] bytes = body.readAllBytes();
    if (bytes.length > BodyMemory.SMALL_BODY) {
      try {
        releaseLargeCalls.await(BOUND_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.write("large".getBytes(StandardCharsets.US_ASCII));
    } else {
      response.write(bytes);
    }
  };
  private final List<Socket> sockets = new ArrayList<>();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private HttpApiServer server;

  @AfterEach
  void stop() throws IOException {
    releaseLargeCalls.countDown();
    for (Socket socket : sockets) {
      socket.close();
    }
    readers.shutdownNow();
    server.close();
  }

  private void start(HttpLimits limits) throws InterruptedException {
    server = HttpApiServer.start("127.0.0.1", 0, holdingLargeCalls, true, limits, Clock.systemUTC());
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(BOUND_MILLIS);
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String bytes) throws IOException {
    socket.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static RawHttp.Response call(Socket socket, String body) throws IOException {
    send(socket, RawHttp.post(body, ""));
    return RawHttp.read(socket.getInputStream());
  }

  /**
   * A call on a new connection, made again while the server refuses it: the server counts a connection it closed
   * until the close is done, a moment after the client has seen it.
   */
  private RawHttp.Response callOnANewConnection(String body) throws IOException {
    Instant deadline = Instant.now().plusMillis(BOUND_MILLIS);
    while (true) {
      try {
        return call(connect(), body);
      } catch (IOException refused) {
        if (Instant.now().isAfter(deadline)) {
          throw refused;
        }
      }
    }
  }

  /** Reads until the server closes the connection: the end of the stream, or a reset if it left bytes unread. */
  private static void assertClosedByTheServer(Socket socket) {
    assertThatCode(() -> {
      try {
        InputStream in = socket.getInputStream();
        assertThat(in.read()).as("the server's end of the stream").isEqualTo(-1);
      } catch (SocketException reset) {
        assertThat(reset).hasMessageContaining("reset");
      }
    }).doesNotThrowAnyException();
  }

  /** At the limit a new connection is closed at once; once the server has closed {@code held}, one is served. */
  private void assertNewConnectionRefused_thenServedOnceTheServerCloses(Socket... held) throws IOException {
    Socket refused = connect();
    send(refused, RawHttp.post("3", ""));
    assertClosedByTheServer(refused);
    for (Socket socket : held) {
      assertClosedByTheServer(socket);
    }
    assertThat(callOnANewConnection("4").body()).isEqualTo("4");
  }

  @Test
  void connectionIdleAfterAnAnswer_isClosedAfterTheIdleTimeout() throws Exception {
    start(HttpLimits.defaults().withIdleTimeout(SHORT));
    Socket socket = connect();

    assertThat(call(socket, "{}").body()).isEqualTo("{}");

    assertClosedByTheServer(socket);
  }

  @Test
  void requestWhoseHeadTrickles_isClosedAfterTheRequestTimeout_notTheIdleOne() throws Exception {
    start(new HttpLimits(LONG, SHORT, 100, MEMORY));
    Socket socket = connect();

    send(socket, "POST / HTTP/1.1\r\nHost: loc");

    assertClosedByTheServer(socket);
  }

  @Test
  void requestWhoseBodyTrickles_isClosedAfterTheRequestTimeout() throws Exception {
    start(new HttpLimits(LONG, SHORT, 100, MEMORY));
    Socket socket = connect();

    send(socket, RawHttp.head(100, "") + "{\"TableName\"");

    assertClosedByTheServer(socket);
  }

  @Test
  void connectionsAtTheLimit_areRefusedAtOnce_idleOnesClosed_andAFreshClientServedAfter() throws Exception {
    start(new HttpLimits(LONG, LONG, 2, MEMORY));
    Socket first = connect();
    Socket second = connect();
    assertThat(call(first, "1").body()).isEqualTo("1");
    assertThat(call(second, "2").body()).isEqualTo("2");

    assertNewConnectionRefused_thenServedOnceTheServerCloses(first, second);
  }

  @Test
  void connectionsAtTheLimitHeldByTricklingClients_areClosedAfterTheRequestTimeout_andAFreshClientServed()
      throws Exception {
    start(new HttpLimits(LONG, Duration.ofSeconds(1), 2, MEMORY));
    Socket first = connect();
    Socket second = connect();
    send(first, "POST / HTTP/1.1\r\nHo");
    send(second, "POST / HTTP/1.1\r\nHo");

    assertNewConnectionRefused_thenServedOnceTheServerCloses(first, second);
  }

  @Test
  void largeBodiesBeyondTheMemory_areThrottled_whileSmallCallsAreServed() throws Exception {
    start(new HttpLimits(LONG, LONG, 100, MEMORY));
    String large = " ".repeat(LARGE_BODY);
    List<Socket> senders = new ArrayList<>();
    List<CompletableFuture<RawHttp.Response>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Socket socket = connect();
      senders.add(socket);
      answers.add(CompletableFuture.supplyAsync(() -> {
        try {
          return call(socket, large);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }, readers));
    }
    // Three fit in the three quarters of 4 MiB that large bodies may use; the other two are answered at once.
    CountDownLatch twoAnswered = new CountDownLatch(2);
    answers.forEach(answer -> answer.thenRun(twoAnswered::countDown));
    assertThat(twoAnswered.await(BOUND_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    List<RawHttp.Response> refusals = answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
        .toList();

    assertThat(call(connect(), "{}").body()).as("a small call while the large ones are held").isEqualTo("{}");
    assertThat(refusals).hasSize(2).allSatisfy(refusal -> {
      assertThat(refusal.status()).isEqualTo(400);
      assertThat(refusal.body()).isEqualTo(THROTTLED);
      assertThat(refusal.closesTheConnection()).isFalse();
    });
    releaseLargeCalls.countDown();
    List<String> bodies = new ArrayList<>();
    for (CompletableFuture<RawHttp.Response> answer : answers) {
      bodies.add(answer.get(BOUND_MILLIS, TimeUnit.MILLISECONDS).body());
    }
    assertThat(bodies).filteredOn("large"::equals).hasSize(3);
    assertThat(bodies).filteredOn(THROTTLED::equals).hasSize(2);
    assertThat(server.memory().peak()).isLessThanOrEqualTo(MEMORY).isGreaterThanOrEqualTo(3L * LARGE_BODY);
    for (Socket sender : senders) {
      assertThat(call(sender, "{}").body()).as("every connection still serves").isEqualTo("{}");
    }
  }

  @Test
  void largeBodyThatWaitsForContinue_isThrottled_andTheConnectionClosed() throws Exception {
    start(new HttpLimits(LONG, LONG, 100, LARGE_BODY));
    Socket socket = connect();

    send(socket, RawHttp.head(LARGE_BODY, "Expect: 100-continue\r\n"));
    RawHttp.Response refusal = RawHttp.read(socket.getInputStream());

    assertThat(refusal.body()).isEqualTo(THROTTLED);
    assertThat(refusal.closesTheConnection()).isTrue();
    assertClosedByTheServer(socket);
  }
}
