package io.shaledb.core.op;

import io.shaledb.core.background.Supervisor;
import io.shaledb.core.backup.BackupCopies;
import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.capacity.PartitionBoundaries;
import io.shaledb.core.capacity.Throughput;
import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.catalog.TableStatistics;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ExpressionCache;
import io.shaledb.core.partiql.parse.StatementCache;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.ReplicationListener;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.StartupRead;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.stream.StreamLog;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What every operation works on: the storage engine, the table catalog, live table statistics, the expression
 * cache, the supervisor of background services, the clock and the region that names ARNs. One per server; the
 * server owns and closes the storage engine, after closing this. Nothing here is state that must survive or be
 * shared: that lives in the storage engine (the catalog is a cache of it).
 */
public final class Database implements AutoCloseable {
  /** The account id in ARNs; a single-tenant server has no real account. */
  public static final String ACCOUNT_ID = "000000000000";

  private final StorageEngine storage;
  private final TableCatalog catalog;
  private final TableStatistics statistics;
  private final StreamLog streams;
  private final long itemCollectionLimitBytes;
  private final Clock clock;
  private final String region;
  private final Peers peers;
  private final TombstoneReclamation tombstones;
  private volatile ReplicationListener replicationListener = ReplicationListener.NONE;
  private final ExpressionCache expressions = new ExpressionCache();
  private final StatementCache statements = new StatementCache();
  private final Supervisor background = new Supervisor();
  private final BackupCopies backupCopies = new BackupCopies();
  private final Throughput throughput;
  /** Counts the tables' items when the database opens. */
  private final ExecutorService counting =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("shale-statistics-", 0).factory());
  /** Writes partition splits, which happen on request threads that must not wait for storage. */
  private final ExecutorService splits =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("shale-partitions-", 0).factory());

  /** DynamoDB's limit on an item collection (a partition of a table with local secondary indexes). */
  public static final long ITEM_COLLECTION_LIMIT_BYTES = 10L * 1024 * 1024 * 1024;

  public Database(StorageEngine storage, Clock clock, String region) {
    this(storage, clock, region, CapacityMode.OFF);
  }

  /** @param capacity whether tables' throughput is enforced, unless a table's tag says otherwise */
  public Database(StorageEngine storage, Clock clock, String region, CapacityMode capacity) {
    this(storage, clock, region, ITEM_COLLECTION_LIMIT_BYTES, capacity, Peers.NONE, TombstoneReclamation.DEFAULTS);
  }

  /** @param peers the other regions whose replicas of tables this database may keep (global tables) */
  public Database(StorageEngine storage, Clock clock, String region, CapacityMode capacity, Peers peers) {
    this(storage, clock, region, ITEM_COLLECTION_LIMIT_BYTES, capacity, peers, TombstoneReclamation.DEFAULTS);
  }

  /** @param tombstones when replicated tables' tombstones are reclaimed */
  public Database(StorageEngine storage, Clock clock, String region, CapacityMode capacity, Peers peers,
      TombstoneReclamation tombstones) {
    this(storage, clock, region, ITEM_COLLECTION_LIMIT_BYTES, capacity, peers, tombstones);
  }

  /** @param itemCollectionLimitBytes the item collection limit; smaller than DynamoDB's only in tests */
  public Database(StorageEngine storage, Clock clock, String region, long itemCollectionLimitBytes) {
    this(storage, clock, region, itemCollectionLimitBytes, CapacityMode.OFF, Peers.NONE,
        TombstoneReclamation.DEFAULTS);
  }

  private Database(StorageEngine storage, Clock clock, String region, long itemCollectionLimitBytes,
      CapacityMode capacity, Peers peers, TombstoneReclamation tombstones) {
    this.itemCollectionLimitBytes = itemCollectionLimitBytes;
    this.storage = storage;
    this.catalog = StartupRead.retried("the catalog", () -> new TableCatalog(storage));
    this.statistics = StartupRead.retried("the tables' statistics",
        () -> TableStatistics.load(storage, catalog.list(), counting));
    this.streams = new StreamLog(clock);
    this.clock = clock;
    this.region = region;
    this.peers = peers;
    this.tombstones = tombstones;
    this.throughput = new Throughput(capacity, clock, name -> tableArn(region, name), statistics::sizeBytesSoFar,
        StartupRead.retried("the partitions' boundaries", () -> PartitionBoundaries.load(storage, catalog, splits)));
  }

  /** What admits requests to tables and charges them, for the meters of requests that are throttled. */
  public Throughput throughput() {
    return throughput;
  }

  public StorageEngine storage() {
    return storage;
  }

  public TableCatalog catalog() {
    return catalog;
  }

  public TableStatistics statistics() {
    return statistics;
  }

  public long itemCollectionLimitBytes() {
    return itemCollectionLimitBytes;
  }

  public StreamLog streams() {
    return streams;
  }

  /** When replicated tables' tombstones are reclaimed. */
  public TombstoneReclamation tombstones() {
    return tombstones;
  }

  public Clock clock() {
    return clock;
  }

  /** The background services (started by whoever serves the database), which operations wake with new work. */
  public Supervisor background() {
    return background;
  }

  /** The backups this process is copying, with the snapshots they copy from. */
  public BackupCopies backupCopies() {
    return backupCopies;
  }

  /** Stops background work before the storage engine closes; the engine stays open, its owner closes it. */
  @Override
  public void close() {
    background.close();
    backupCopies.close();
    counting.shutdownNow();
    // A split being written finishes: the engine closes after this, and the split would be lost.
    splits.shutdown();
    try {
      counting.awaitTermination(10, TimeUnit.SECONDS);
      splits.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parsed expressions, shared by all requests. */
  public ExpressionCache expressions() {
    return expressions;
  }

  /** Parsed PartiQL statements, shared by all requests. */
  public StatementCache statements() {
    return statements;
  }

  public String region() {
    return region;
  }

  /** The other regions tables may be replicated to. */
  public Peers peers() {
    return peers;
  }

  /** Who is told of each change a replica acknowledged (the server's metrics); nobody until set. */
  public ReplicationListener replicationListener() {
    return replicationListener;
  }

  public void listenReplication(ReplicationListener listener) {
    this.replicationListener = listener;
  }

  public String tableArn(String tableName) {
    return tableArn(region, tableName);
  }

  private static String tableArn(String region, String tableName) {
    return "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + tableName;
  }

  /** A global table's ARN (version 2017.11.29), which names no region: the global table is in several. */
  public static String globalTableArn(String name) {
    return "arn:aws:dynamodb::" + ACCOUNT_ID + ":global-table/" + name;
  }

  /** The table an item operation addresses, or DynamoDB's ResourceNotFoundException for item operations. */
  public TableMetadata tableForItems(String name) {
    return catalog.find(name).filter(table -> !table.creating())
        .orElseThrow(() -> DynamoException.resourceNotFound("Requested resource not found"));
  }

  /** The table a control-plane operation addresses, or DynamoDB's ResourceNotFoundException naming it. */
  public TableMetadata tableForControl(String name) {
    return catalog.find(name).orElseThrow(() -> tableNotFound(name));
  }

  /** DynamoDB's ResourceNotFoundException for a control-plane operation on a table that does not exist. */
  public static DynamoException tableNotFound(String name) {
    return DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
  }
}
