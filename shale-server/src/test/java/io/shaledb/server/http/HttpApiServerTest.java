package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.protocol.ApiHandler;
import io.shaledb.server.protocol.ApiRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport's ordering promise when calls may block: responses leave in the order requests arrived, whether a
 * call ran on a worker or was answered on the event loop without blocking.
 */
class HttpApiServerTest {
  private static final int CALLS = 12;

  /** Echoes the request body after sleeping longer for earlier calls, so finishing order is the reverse of arrival. */
  private static final ApiHandler SLOWER_FIRST = (request, body, response) -> {
    byte[] number = body.readAllBytes();
    try {
      Thread.sleep(3L * (CALLS - Integer.parseInt(new String(number, StandardCharsets.US_ASCII))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    response.write(number);
  };

  /**
   * Answers even-numbered calls without blocking; odd ones read their body, then leave the rest of the call, which
   * answers from what was read, to run where it may wait.
   */
  private static final class EvenWithoutBlocking implements ApiHandler {
    final AtomicInteger answeredWithoutBlocking = new AtomicInteger();
    final AtomicInteger handledWhole = new AtomicInteger();

    @Override
    public void handle(ApiRequest request, InputStream body, OutputStream response) throws IOException {
      handledWhole.incrementAndGet();
      SLOWER_FIRST.handle(request, body, response);
    }

    @Override
    public Attempt handleWithoutBlocking(ApiRequest request, InputStream body, OutputStream response)
        throws IOException {
      byte[] number = body.readAllBytes();
      if (Integer.parseInt(new String(number, StandardCharsets.US_ASCII)) % 2 == 1) {
        return new Attempt.Deferred(rest -> SLOWER_FIRST.handle(request, new ByteArrayInputStream(number), rest));
      }
      response.write(number);
      answeredWithoutBlocking.incrementAndGet();
      return Attempt.ANSWERED;
    }
  }

  @Test
  void pipelinedRequests_areAnsweredInArrivalOrder_whenCallsRunOnWorkers() throws Exception {
    assertThat(pipelineToServer(SLOWER_FIRST)).containsExactlyElementsOf(expectedBodies());
  }

  @Test
  void callsAnsweredWithoutBlocking_keepArrivalOrder_andTheOthersRunTheirRestOnAWorker() throws Exception {
    EvenWithoutBlocking handler = new EvenWithoutBlocking();
    assertThat(pipelineToServer(handler)).containsExactlyElementsOf(expectedBodies());
    assertThat(handler.answeredWithoutBlocking).hasValue(CALLS / 2);
    assertThat(handler.handledWhole).as("the others ran from where they stopped").hasValue(0);
  }

  @ParameterizedTest(name = "calls may block: {0}")
  @ValueSource(booleans = {false, true})
  void requestsPipelinedAfterOneThatClosesTheConnection_areNotRun(boolean callsMayBlock) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ApiHandler counting = (request, body, response) -> {
      calls.incrementAndGet();
      SLOWER_FIRST.handle(request, body, response);
    };
    try (HttpApiServer server = HttpApiServer.start("127.0.0.1", 0, counting, callsMayBlock,
            HttpLimits.defaults(), Clock.systemUTC());
        Socket socket = new Socket("127.0.0.1", server.port())) {
      String pipelined = RawHttp.post("0", "Connection: close\r\n") + RawHttp.post("1", "");
      socket.getOutputStream().write(pipelined.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo("0");
      assertThat(socket.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
    }
    assertThat(calls).hasValue(1);
  }

  private static final int HEALTH_CHECK_AFTER = CALLS / 2;
  private static final String HEALTH = "healthy: localhost ";

  /** Sends calls numbered 0 to CALLS - 1 in one write, a health check among them, and reads the response bodies. */
  private static List<String> pipelineToServer(ApiHandler handler) throws Exception {
    try (HttpApiServer server = HttpApiServer.start("127.0.0.1", 0, handler, true,
            HttpLimits.defaults(), Clock.systemUTC());
        Socket socket = new Socket("127.0.0.1", server.port())) {
      StringBuilder pipelined = new StringBuilder();
      for (int i = 0; i < CALLS; i++) {
        pipelined.append(RawHttp.post(Integer.toString(i), ""));
        if (i == HEALTH_CHECK_AFTER) {
          pipelined.append("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
      }
      socket.getOutputStream().write(pipelined.toString().getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < CALLS + 1; i++) {
        bodies.add(RawHttp.read(socket.getInputStream()).body());
      }
      return bodies;
    }
  }

  private static List<String> expectedBodies() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      expected.add(Integer.toString(i));
      if (i == HEALTH_CHECK_AFTER) {
        expected.add(HEALTH);
      }
    }
    return expected;
  }
}
