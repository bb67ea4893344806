package io.shaledb.server.api;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.maintenance.MaintenanceServices;
import io.shaledb.core.maintenance.TimeToLiveListener;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.metrics.ServerMetrics;
import io.shaledb.server.policy.AccessControl;
import io.shaledb.server.policy.PolicyAuthorizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the API over a storage engine and resumes the background work a previous stop interrupted. The caller
 * keeps ownership of the engine and closes the API before it.
 */
public final class ApiHandlers {
  private ApiHandlers() {}

  /**
   * @param maintenanceInterval how often expired items are swept (seconds, not DynamoDB's days) and streams rolled
   *     over and trimmed
   * @param capacity whether tables' throughput is enforced, unless a table's tag says otherwise
   * @param metrics whether the API keeps metrics ({@link DynamoApi#metrics})
   */
  public static DynamoApi create(StorageEngine engine, String region, Duration maintenanceInterval, Clock clock,
      CapacityMode capacity, boolean metrics) {
    return create(engine, region, maintenanceInterval, clock, capacity, metrics, db -> AccessControl.NONE,
        Map.of(), Peers.NONE, TombstoneReclamation.DEFAULTS);
  }

  /**
   * The API with every verified user's calls authorized by its policies in {@code users} and tables' policies, and
   * the admin API over {@code users}.
   *
   * @param peers the other regions global tables may be replicated to
   * @param tombstones when global tables' tombstones are reclaimed
   */
  public static DynamoApi create(StorageEngine engine, String region, Duration maintenanceInterval, Clock clock,
      CapacityMode capacity, boolean metrics, PrincipalStore users, Peers peers, TombstoneReclamation tombstones) {
    return create(engine, region, maintenanceInterval, clock, capacity, metrics,
        db -> new PolicyAuthorizer(db, users), AdminRoutes.over(users, engine), peers, tombstones);
  }

  private static DynamoApi create(StorageEngine engine, String region, Duration maintenanceInterval, Clock clock,
      CapacityMode capacity, boolean metrics, Function<Database, AccessControl> access,
      Map<String, Route<?, ?>> adminOperations, Peers peers, TombstoneReclamation tombstones) {
    Database db = new Database(engine, clock, region, capacity, peers, tombstones);
    ServerMetrics serverMetrics = metrics ? new ServerMetrics(db) : null;
    if (serverMetrics != null) {
      db.throughput().listen(serverMetrics::throttleEvent);
      db.listenReplication(serverMetrics.replication());
    }
    MaintenanceServices.start(db, maintenanceInterval,
        serverMetrics == null ? TimeToLiveListener.NONE : serverMetrics::timeToLiveDeleted);
    return new DynamoApi(db, serverMetrics, access.apply(db), adminOperations);
  }
}
