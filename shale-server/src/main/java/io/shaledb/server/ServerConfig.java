package io.shaledb.server;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.server.http.HttpLimits;
import io.shaledb.server.replication.PeerEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How to run a server.
 *
 * @param engine the storage engine's name: {@code rocksdb} (durable) or {@code memory}
 * @param storage what the engine is opened with: its data directory (unused in memory), durability and tuning
 * @param maintenanceInterval how often expired items are swept and streams rolled over and trimmed
 * @param clock what the server reads time from; tests pass one they can move
 * @param httpLimits what clients may hold: connections, their idle and request time, body memory
 * @param security authentication's key file, the hosts and origins answered, TLS
 * @param capacity whether tables' throughput is enforced (a table's {@code shaledb:capacity} tag overrides it)
 * @param observability metrics, the access log and the format of request log lines
 * @param console whether the web console is served at {@code /console/}
 * @param peers the other regions this one replicates global tables with (docs/global-tables.md)
 * @param tombstones when global tables' tombstones are reclaimed (docs/global-tables.md, "Deletes and tombstones")
 */
public record ServerConfig(String host, int port, String engine, EngineOptions storage, String region,
    Duration maintenanceInterval, Clock clock, HttpLimits httpLimits, ServerSecurity security,
    CapacityMode capacity, Observability observability, boolean console, List<PeerEndpoint> peers,
    TombstoneReclamation tombstones) {
  public static final int DEFAULT_PORT = 8000;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofSeconds(1);
  public static final String DURABLE_ENGINE = "rocksdb";
  public static final String MEMORY_ENGINE = "memory";

  public ServerConfig {
    peers = List.copyOf(peers);
  }

  /** A server without peers. */
  public ServerConfig(String host, int port, String engine, EngineOptions storage, String region,
      Duration maintenanceInterval, Clock clock, HttpLimits httpLimits, ServerSecurity security,
      CapacityMode capacity, Observability observability, boolean console) {
    this(host, port, engine, storage, region, maintenanceInterval, clock, httpLimits, security, capacity,
        observability, console, List.of(), TombstoneReclamation.DEFAULTS);
  }

  /** An in-memory server on a random loopback port, as tests want it. */
  public static ServerConfig inMemoryOnRandomPort() {
    return new ServerConfig(DEFAULT_HOST, 0, MEMORY_ENGINE, EngineOptions.defaults(null), DEFAULT_REGION,
        DEFAULT_MAINTENANCE_INTERVAL, Clock.systemUTC(), HttpLimits.defaults(), ServerSecurity.defaults(),
        CapacityMode.OFF, Observability.defaults(), true);
  }

  /** A durable server with the default options on a random loopback port, keeping its data in {@code directory}. */
  public static ServerConfig durableOnRandomPort(Path directory) {
    return new ServerConfig(DEFAULT_HOST, 0, DURABLE_ENGINE, EngineOptions.defaults(directory), DEFAULT_REGION,
        DEFAULT_MAINTENANCE_INTERVAL, Clock.systemUTC(), HttpLimits.defaults(), ServerSecurity.defaults(),
        CapacityMode.OFF, Observability.defaults(), true);
  }

  public ServerConfig withClock(Clock newClock) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, newClock, httpLimits, security,
        capacity, observability, console, peers, tombstones);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, engine, storage, region, maintenanceInterval, clock, httpLimits, security,
        capacity, observability, console, peers, tombstones);
  }

  public ServerConfig withEngine(String newEngine) {
    return new ServerConfig(host, port, newEngine, storage, region, maintenanceInterval, clock, httpLimits, security,
        capacity, observability, console, peers, tombstones);
  }

  public ServerConfig withStorage(EngineOptions newStorage) {
    return new ServerConfig(host, port, engine, newStorage, region, maintenanceInterval, clock, httpLimits, security,
        capacity, observability, console, peers, tombstones);
  }

  public ServerConfig withHttpLimits(HttpLimits newLimits) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, clock, newLimits, security,
        capacity, observability, console, peers, tombstones);
  }

  public ServerConfig withSecurity(ServerSecurity newSecurity) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, clock, httpLimits,
        newSecurity, capacity, observability, console, peers, tombstones);
  }

  /** With tables' throughput enforced ({@code ENFORCE}) or not, unless a table's tag says otherwise. */
  public ServerConfig withCapacity(CapacityMode mode) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, clock, httpLimits, security,
        mode, observability, console, peers, tombstones);
  }

  /** With metrics, the access log and log lines as {@code newObservability} says. */
  public ServerConfig withObservability(Observability newObservability) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, clock, httpLimits, security,
        capacity, newObservability, console, peers, tombstones);
  }

  /** With the web console served, or not. */
  public ServerConfig withConsole(boolean served) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, clock, httpLimits, security,
        capacity, observability, served, peers, tombstones);
  }

  /** In region {@code newRegion}, replicating global tables with {@code newPeers}. */
  public ServerConfig withRegion(String newRegion, List<PeerEndpoint> newPeers) {
    return new ServerConfig(host, port, engine, storage, newRegion, maintenanceInterval, clock, httpLimits, security,
        capacity, observability, console, newPeers, tombstones);
  }

  /** With global tables' tombstones reclaimed as {@code newTombstones} says. */
  public ServerConfig withTombstones(TombstoneReclamation newTombstones) {
    return new ServerConfig(host, port, engine, storage, region, maintenanceInterval, clock, httpLimits, security,
        capacity, observability, console, peers, newTombstones);
  }
}
