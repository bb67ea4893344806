package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.background.Service;
import io.shaledb.core.consensus.RegionConsensus;
import io.shaledb.core.op.Database;
import io.shaledb.core.storage.Capability;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Starts a database's background services under its supervisor. */
public final class MaintenanceServices {
  /** The first retry of a failed pass; backoff doubles from here. */
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  /**
   * How long the lease on cluster-wide work lasts after its holder last renewed it: how long that work pauses when its
   * holder stops without handing it on.
   */
  static final Duration LEASE_TERM = Duration.ofSeconds(20);

  private MaintenanceServices() {}

  /**
   * Starts every service, each passing every {@code interval} when idle: whatever a previous run left unfinished
   * (index builds, dropped keyspaces) resumes at once.
   */
  public static void start(Database db, Duration interval) {
    start(db, interval, TimeToLiveListener.NONE);
  }

  /**
   * As above, telling {@code timeToLive} of the expired items the sweeper deletes. When several servers share the
   * store (a cluster: {@link Capability#SHARED}), the work over its tables and system records is done by the one that
   * holds the lease {@code maintenance} ({@link Lease}): one server sweeps expired items, trims streams, reclaims history and dropped
   * keyspaces, builds indexes, restores tables, reclaims replicated tables' tombstones and settles the open proposals of tables
   * of multi-region strong consistency, not every one of them. Each
   * server keeps its own catalog cache fresh, copies the backups it began (from a snapshot it holds), tracks scaling
   * targets from the traffic it served and replicates the writes it made.
   */
  public static void start(Database db, Duration interval, TimeToLiveListener timeToLive) {
    // A store only this process opens needs no lease, and a restarted server must not wait out its own old one.
    BooleanSupplier lease = db.storage().capabilities().contains(Capability.SHARED)
        ? new Lease(db.storage(), "maintenance", UUID.randomUUID().toString(), LEASE_TERM, db.clock())::held
        : () -> true;
    Map<Service, BackgroundService> services = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      services.put(service, switch (service) {
        case TIME_TO_LIVE_SWEEP -> leased(lease, new TimeToLiveSweeper(db, timeToLive));
        case INDEX_BUILD -> leased(lease, new IndexBuilder(db));
        case STREAM_MAINTENANCE -> leased(lease, new StreamMaintenance(db));
        case KEYSPACE_RECLAIM -> leased(lease, new KeyspaceReclaimer(db));
        case TOKEN_EXPIRY -> leased(lease, new TokenExpiry(db));
        case CATALOG_REFRESH -> new CatalogRefresh(db);
        case BACKUP_COPY -> new BackupCopier(db);
        case TABLE_RESTORE -> leased(lease, new TableRestorer(db));
        case HISTORY_RECLAIM -> leased(lease, new HistoryReclaimer(db));
        case BACKUP_EXPIRY -> leased(lease, new BackupExpiry(db));
        case AUTO_SCALING -> new TargetTracker(db);
        case REPLICATION -> new Replicator(db);
        case TOMBSTONE_RECLAIM -> leased(lease, new TombstoneReclaimer(db));
        case OPEN_PROPOSAL_SETTLE -> leased(lease, new OpenProposalSettler(db, new RegionConsensus(db)));
      });
    }
    db.background().start(services, interval, FIRST_BACKOFF);
  }

  /** {@code work}, passing only while this server holds {@code lease}. */
  private static BackgroundService leased(BooleanSupplier lease, BackgroundService work) {
    return () -> lease.getAsBoolean() && work.runPass();
  }
}
