package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.background.Service;
import io.shaledb.core.op.Database;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Starts a database's background services under its supervisor. */
public final class MaintenanceServices {
  /** The first retry of a failed pass; backoff doubles from here. */
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private MaintenanceServices() {}

  /**
   * Starts every service, each passing every {@code interval} when idle: whatever a previous run left unfinished
   * (index builds, dropped keyspaces) resumes at once.
   */
  public static void start(Database db, Duration interval) {
    start(db, interval, TimeToLiveListener.NONE);
  }

  /** As above, telling {@code timeToLive} of the expired items the sweeper deletes. */
  public static void start(Database db, Duration interval, TimeToLiveListener timeToLive) {
    Map<Service, BackgroundService> services = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      services.put(service, switch (service) {
        case TIME_TO_LIVE_SWEEP -> new TimeToLiveSweeper(db, timeToLive);
        case INDEX_BUILD -> new IndexBuilder(db);
        case STREAM_MAINTENANCE -> new StreamMaintenance(db);
        case KEYSPACE_RECLAIM -> new KeyspaceReclaimer(db);
        case TOKEN_EXPIRY -> new TokenExpiry(db);
        case CATALOG_REFRESH -> new CatalogRefresh(db.catalog());
        case BACKUP_COPY -> new BackupCopier(db);
        case TABLE_RESTORE -> new TableRestorer(db);
        case HISTORY_RECLAIM -> new HistoryReclaimer(db);
        case BACKUP_EXPIRY -> new BackupExpiry(db);
        case AUTO_SCALING -> new TargetTracker(db);
        case REPLICATION -> new Replicator(db);
      });
    }
    db.background().start(services, interval, FIRST_BACKOFF);
  }
}
