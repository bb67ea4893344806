package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.time.SettableClock;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock tests move over HTTP: there only on a server with a settable clock, and only forward. */
class ClockControlTest {
  private static final byte[] LIST_TABLES_ANSWER = "{\"TableNames\":[]}".getBytes(StandardCharsets.US_ASCII);

  private static HttpApiServer start(Clock clock) throws InterruptedException {
    return HttpApiServer.start("127.0.0.1", 0, (request, body, response) ->
        response.write(LIST_TABLES_ANSWER), true, HttpLimits.defaults(), clock);
  }

  private static RawHttp.Response send(HttpApiServer server, String method, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write((method + " " + ClockControl.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      return RawHttp.read(socket.getInputStream());
    }
  }

  @Test
  void post_aDuration_movesTheClockForward() throws Exception {
    SettableClock clock = SettableClock.startingNow();
    Instant before = clock.instant();
    try (HttpApiServer server = start(clock)) {
      RawHttp.Response moved = send(server, "POST", "PT25H");

      assertThat(moved.status()).isEqualTo(200);
      assertThat(Instant.parse(moved.body())).isAfterOrEqualTo(before.plus(Duration.ofHours(25)));
      assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse(moved.body()));
      assertThat(Instant.parse(send(server, "GET", "").body())).isAfterOrEqualTo(Instant.parse(moved.body()));
    }
  }

  @Test
  void put_anInstant_setsTheClock_andAnEarlierOneIsRefused() throws Exception {
    SettableClock clock = SettableClock.startingNow();
    Instant target = clock.instant().plus(Duration.ofDays(2));
    try (HttpApiServer server = start(clock)) {
      assertThat(send(server, "PUT", target.toString()).status()).isEqualTo(200);

      RawHttp.Response back = send(server, "PUT", target.minus(Duration.ofDays(1)).toString());

      assertThat(back.status()).isEqualTo(400);
      assertThat(back.body()).contains("only moves forward");
      assertThat(send(server, "PUT", "tomorrow").status()).isEqualTo(400);
    }
  }

  @Test
  void clockPath_onAServerWithTheSystemClock_isAnOrdinaryRequest() throws Exception {
    try (HttpApiServer server = start(Clock.systemUTC())) {
      RawHttp.Response answer = send(server, "POST", "PT25H");

      // No Authorization header: the API's own answer, as for any unsigned request.
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).contains("MissingAuthenticationToken");
    }
  }
}
