package io.shaledb.server.api;

import io.shaledb.core.op.Database;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.op.table.IndexBackfill;
import java.time.Clock;

/**
 * Builds the API over a storage engine and resumes the background work a previous stop interrupted. The caller
 * keeps ownership of the engine and closes the API before it.
 */
public final class ApiHandlers {
  private ApiHandlers() {}

  public static DynamoApi create(StorageEngine engine, String region) {
    Database db = new Database(engine, Clock.systemUTC(), region);
    IndexBackfill.resumeAll(db);
    return new DynamoApi(db);
  }
}
