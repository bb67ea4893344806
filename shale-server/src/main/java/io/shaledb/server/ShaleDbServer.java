package io.shaledb.server;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.server.api.ApiHandlers;
import io.shaledb.server.api.DynamoApi;
import io.shaledb.server.http.HttpApiServer;
import java.net.URI;

/** A running ShaleDB: a storage engine, the API over it and the HTTP server in front. Close it to stop. */
public final class ShaleDbServer implements AutoCloseable {
  private final ServerConfig config;
  private final StorageEngine engine;
  private final DynamoApi api;
  private final HttpApiServer http;

  private ShaleDbServer(ServerConfig config, StorageEngine engine, DynamoApi api, HttpApiServer http) {
    this.config = config;
    this.engine = engine;
    this.api = api;
    this.http = http;
  }

  public static ShaleDbServer start(ServerConfig config) throws InterruptedException {
    StorageEngine engine = StorageEngines.open(config.inMemory() ? "memory" : "rocksdb", config.dataDirectory());
    DynamoApi api = ApiHandlers.create(engine, config.region(), config.maintenanceInterval(), config.clock());
    try {
      HttpApiServer http = HttpApiServer.start(config.host(), config.port(), config.region(), api,
          !engine.capabilities().contains(Capability.NON_BLOCKING), config.httpLimits(), config.clock());
      return new ShaleDbServer(config, engine, api, http);
    } catch (RuntimeException | InterruptedException e) {
      api.close();
      engine.close();
      throw e;
    }
  }

  public ServerConfig config() {
    return config;
  }

  /** The port actually bound (useful when the configuration asked for port 0). */
  public int port() {
    return http.port();
  }

  public URI endpoint() {
    return URI.create("http://" + config.host() + ":" + port());
  }

  /** Stops serving and background work, then closes the storage engine so a durable one shuts down cleanly. */
  @Override
  public void close() {
    http.close();
    api.close();
    engine.close();
  }
}
