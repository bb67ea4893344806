package io.shaledb.server;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.server.api.ApiHandlers;
import io.shaledb.server.api.DynamoApi;
import io.shaledb.server.http.HttpApiServer;
import java.net.URI;
import java.util.Optional;

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

  /**
   * Opens the engine, then serves. A start that fails closes what it opened and, when the data directory was
   * missing or empty before, removes what it created there.
   *
   * @throws IllegalArgumentException for an unknown engine or engine option, before anything is created
   * @throws IllegalStateException when the engine cannot open (a data directory another server holds) or the
   *     address cannot be bound
   */
  public static ShaleDbServer start(ServerConfig config) throws InterruptedException {
    Optional<NewDataDirectory> directory = NewDataDirectory.before(config.storage().dataDirectory());
    StorageEngine engine;
    try {
      engine = StorageEngines.open(config.engine(), config.storage());
    } catch (RuntimeException e) {
      directory.ifPresent(created -> created.discard(e));
      throw e;
    }
    DynamoApi api = null;
    try {
      api = ApiHandlers.create(engine, config.region(), config.maintenanceInterval(), config.clock(),
          config.capacity());
      HttpApiServer http = HttpApiServer.start(config.host(), config.port(), api,
          !engine.capabilities().contains(Capability.NON_BLOCKING), config.httpLimits(), config.clock());
      return new ShaleDbServer(config, engine, api, http);
    } catch (RuntimeException | InterruptedException e) {
      if (api != null) {
        api.close();
      }
      engine.close();
      directory.ifPresent(created -> created.discard(e));
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
