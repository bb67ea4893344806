package io.shaledb.server.api;

import io.shaledb.core.op.Database;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.server.protocol.ApiHandler;
import java.time.Clock;

/** Builds the API handler over a storage engine; the caller keeps ownership of the engine. */
public final class ApiHandlers {
  private ApiHandlers() {}

  public static ApiHandler create(StorageEngine engine, String region) {
    return new DynamoApi(new Database(engine, Clock.systemUTC(), region));
  }
}
