package io.shaledb.server;

import io.shaledb.server.http.HttpLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run a server.
 *
 * @param dataDirectory where the durable engine keeps its files; unused in memory
 * @param maintenanceInterval how often expired items are swept and streams rolled over and trimmed
 * @param clock what the server reads time from; tests pass one they can move
 * @param httpLimits what clients may hold: connections, their idle and request time, body memory
 */
public record ServerConfig(String host, int port, Path dataDirectory, boolean inMemory, String region,
    Duration maintenanceInterval, Clock clock, HttpLimits httpLimits) {
  public static final int DEFAULT_PORT = 8000;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofSeconds(1);

  /** An in-memory server on a random loopback port, as tests want it. */
  public static ServerConfig inMemoryOnRandomPort() {
    return new ServerConfig(DEFAULT_HOST, 0, null, true, DEFAULT_REGION, DEFAULT_MAINTENANCE_INTERVAL,
        Clock.systemUTC(), HttpLimits.defaults());
  }

  public ServerConfig withClock(Clock newClock) {
    return new ServerConfig(host, port, dataDirectory, inMemory, region, maintenanceInterval, newClock, httpLimits);
  }

  public ServerConfig withHttpLimits(HttpLimits newLimits) {
    return new ServerConfig(host, port, dataDirectory, inMemory, region, maintenanceInterval, clock, newLimits);
  }
}
