package io.shaledb.junit;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.time.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A server in the test's own JVM ({@link ShaleDbTest.ServerRuntime#IN_PROCESS}). Compiled for Java 21 against the
 * server's classes, apart from the rest of this module, and loaded by name only when asked for, so that the module
 * still loads on Java 17 without the server on the class path.
 */
final class InProcessServer implements RunningServer {
  private final ShaleDbServer server;
  private final Optional<Path> dataDirectory;
  private final ShaleDbClock clock;

  private InProcessServer(ShaleDbServer server, Optional<Path> dataDirectory, SettableClock clock) {
    this.server = server;
    this.dataDirectory = dataDirectory;
    this.clock = new ShaleDbClock() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public Instant advance(Duration amount) {
        return clock.advance(amount);
      }

      @Override
      public Instant set(Instant instant) {
        return clock.set(instant);
      }
    };
  }

  /** Called by {@code ShaleDbExtension} through reflection. */
  public static RunningServer start(Settings settings) throws InterruptedException {
    SettableClock clock = SettableClock.startingNow();
    try {
      Optional<Path> data = settings.temporaryDirectory()
          ? Optional.of(Files.createTempDirectory("shaledb-test-data-")) : Optional.empty();
      ServerConfig config = data.map(ServerConfig::durableOnRandomPort).orElseGet(ServerConfig::inMemoryOnRandomPort)
          .withPort(settings.port())
          .withClock(clock);
      if (!settings.engine().isEmpty()) {
        config = config.withEngine(settings.engine());
      }
      return new InProcessServer(ShaleDbServer.start(config), data, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public URI endpoint() {
    return server.endpoint();
  }

  @Override
  public ShaleDbClock clock() {
    return clock;
  }

  @Override
  public void close() {
    server.close();
    dataDirectory.ifPresent(TemporaryDirectories::delete);
  }
}
