package io.shaledb.server.api;

import io.shaledb.core.op.Database;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.op.Periodic;
import io.shaledb.core.op.stream.StreamMaintenance;
import io.shaledb.core.op.table.IndexBackfill;
import io.shaledb.core.op.table.TimeToLiveSweeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the API over a storage engine and resumes the background work a previous stop interrupted. The caller
 * keeps ownership of the engine and closes the API before it.
 */
public final class ApiHandlers {
  private ApiHandlers() {}

  /**
   * @param maintenanceInterval how often expired items are swept (seconds, not DynamoDB's days) and streams rolled
   *     over and trimmed
   */
  public static DynamoApi create(StorageEngine engine, String region, Duration maintenanceInterval, Clock clock) {
    Database db = new Database(engine, clock, region);
    IndexBackfill.resumeAll(db);
    db.background().execute(new Periodic(maintenanceInterval,
        List.of(new TimeToLiveSweeper(db), new StreamMaintenance(db))));
    return new DynamoApi(db);
  }
}
