package io.shaledb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;

/** The clock of a server in another process, moved through its clock endpoint ({@code --settable-clock}). */
final class HttpClock implements ShaleDbClock {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final URI clock;

  HttpClock(URI endpoint) {
    this.clock = endpoint.resolve("/shaledb/clock");
  }

  @Override
  public Instant now() {
    return send(HttpRequest.newBuilder(clock).GET());
  }

  @Override
  public Instant advance(Duration amount) {
    return send(HttpRequest.newBuilder(clock).POST(BodyPublishers.ofString(amount.toString())));
  }

  @Override
  public Instant set(Instant instant) {
    return send(HttpRequest.newBuilder(clock).PUT(BodyPublishers.ofString(instant.toString())));
  }

  private Instant send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
          BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException("the server's clock refused: " + response.body());
      }
      return Instant.parse(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the server's clock at " + clock, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while moving the server's clock", e);
    }
  }
}
