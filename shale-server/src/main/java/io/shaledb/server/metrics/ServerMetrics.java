package io.shaledb.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.ThrottleListener;
import io.shaledb.core.maintenance.IndexBuilder;
import io.shaledb.core.maintenance.Replicator;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.ReplicationListener;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The server's metrics, named and labelled as DynamoDB's CloudWatch metrics are named and dimensioned (developer
 * guide, "DynamoDB Metrics and dimensions"), in a Prometheus registry: counters and the latency histogram recorded
 * as requests finish, gauges read from the catalog and the engine when scraped, and the JVM's.
 *
 * <p>Labels are table, index and operation names only, never keys or request ids: tables are bounded by the catalog,
 * and each scrape drops the series of tables no longer in it. The series a GetItem touches (its latency and its
 * table's consumed read units) are kept by table and operation, so recording one costs two map lookups and no
 * allocation.
 */
public final class ServerMetrics {
  static final String TABLE = "TableName";
  static final String OPERATION = "Operation";
  static final String INDEX = "GlobalSecondaryIndexName";
  static final String STREAM = "StreamLabel";
  static final String RECEIVING_REGION = "ReceivingRegion";
  /**
   * Seconds. DynamoDB's figure is milliseconds, but Prometheus measures time in seconds; the buckets reach down to
   * the tenth of a millisecond an in-memory GetItem takes.
   */
  private static final double[] LATENCY_BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
      0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Database db;
  private final Histogram latency = register(Histogram.builder()
      .name("SuccessfulRequestLatency")
      .help("Seconds taken by successful requests, by table and operation")
      .labelNames(TABLE, OPERATION)
      .classicOnly()
      .classicUpperBounds(LATENCY_BUCKETS)
      .withoutExemplars()
      .build());
  /** Seconds, from a millisecond on loopback to the minute a peer that was down takes to come back. */
  private final Histogram replicationLatency = register(Histogram.builder()
      .name("ReplicationLatency")
      .help("Seconds from a change made here to its acknowledgement by a replica, by table and receiving region")
      .labelNames(TABLE, RECEIVING_REGION)
      .classicOnly()
      .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
      .withoutExemplars()
      .build());
  private final Counter consumedRead = counter("ConsumedReadCapacityUnits",
      "Read capacity units consumed, by table and global secondary index (empty: the table with its local indexes)",
      TABLE, INDEX);
  private final Counter consumedWrite = counter("ConsumedWriteCapacityUnits",
      "Write capacity units consumed, refused conditional writes included, by table and global secondary index",
      TABLE, INDEX);
  private final Counter returnedItems = counter("ReturnedItemCount",
      "Items returned by Query, Scan and ExecuteStatement", TABLE, OPERATION);
  private final Counter returnedRecords = counter("ReturnedRecordsCount",
      "Stream records returned by GetRecords", TABLE, STREAM, OPERATION);
  private final Counter throttledRequests = counter("ThrottledRequests",
      "Requests refused for exceeding a table's or index's throughput", TABLE, OPERATION);
  private final Counter readThrottleEvents = counter("ReadThrottleEvents",
      "Reads refused for exceeding throughput, by table and global secondary index", TABLE, INDEX);
  private final Counter writeThrottleEvents = counter("WriteThrottleEvents",
      "Writes refused for exceeding throughput, by table and global secondary index", TABLE, INDEX);
  private final Counter userErrors = counter("UserErrors",
      "Requests answered with HTTP 400, except throttling and conditional check failures");
  private final Counter systemErrors = counter("SystemErrors",
      "Requests answered with HTTP 500 or 503", TABLE, OPERATION);
  private final Counter conditionalCheckFailed = counter("ConditionalCheckFailedRequests",
      "Conditional writes whose condition was false", TABLE);
  private final Counter transactionConflicts = counter("TransactionConflict",
      "Requests refused for conflicting with a transaction on the same items", TABLE);
  private final Counter timeToLiveDeleted = counter("TimeToLiveDeletedItemCount",
      "Expired items deleted by time to live", TABLE);
  private final Counter tombstonesReclaimed = counter("shaledb_tombstones_reclaimed",
      "Tombstones of a global table's deleted items reclaimed once no region could still send an older change", TABLE);
  private final List<StatefulMetric<?, ?>> byTable = List.of(latency, consumedRead, consumedWrite, returnedItems,
      returnedRecords, throttledRequests, readThrottleEvents, writeThrottleEvents, systemErrors,
      conditionalCheckFailed, transactionConflicts, timeToLiveDeleted, tombstonesReclaimed,
      replicationLatency);
  private final ConcurrentHashMap<String, TableSeries> tables = new ConcurrentHashMap<>();

  /** The series of one table that every request touches. */
  private final class TableSeries {
    private final String table;
    private final CounterDataPoint read;
    private final CounterDataPoint write;
    private final ConcurrentHashMap<String, DistributionDataPoint> latencies = new ConcurrentHashMap<>();

    private TableSeries(String table) {
      this.table = table;
      this.read = consumedRead.labelValues(table, "");
      this.write = consumedWrite.labelValues(table, "");
    }

    private DistributionDataPoint latency(String operation) {
      DistributionDataPoint found = latencies.get(operation);
      return found != null ? found
          : latencies.computeIfAbsent(operation, named -> latency.labelValues(table, named));
    }
  }

  /** The metrics of {@code db}'s server: its requests, its tables, its engine and its JVM. */
  public ServerMetrics(Database db) {
    this.db = db;
    gauge("ItemCount", "Items in each table, as DescribeTable counts them", callback -> {
      for (TableMetadata table : db.catalog().list()) {
        callback.call((double) db.statistics().itemCount(table.keyspace()), table.name());
      }
    }, TABLE);
    gauge("TableSizeBytes", "Bytes of items in each table, as DescribeTable counts them", callback -> {
      for (TableMetadata table : db.catalog().list()) {
        callback.call((double) db.statistics().sizeBytes(table.keyspace()), table.name());
      }
    }, TABLE);
    gauge("OnlineIndexPercentageProgress", "How far the backfill of a global secondary index being added has got",
        callback -> {
          try (Snapshot snapshot = db.storage().snapshot()) {
            for (TableMetadata table : db.catalog().list()) {
              for (IndexMetadata index : table.indexes()) {
                if (index.status() == IndexStatus.CREATING) {
                  callback.call(IndexBuilder.percentDone(snapshot, table, index), table.name(), index.name());
                }
              }
            }
          }
        }, TABLE, INDEX);
    gauge("PendingReplicationCount", "Changes made here that a replica has not acknowledged yet, by table and"
        + " receiving region", callback -> {
          for (TableMetadata table : db.catalog().list()) {
            for (Replica replica : table.options().replication().map(Replication::replicas).orElse(List.of())) {
              callback.call((double) Replicator.pending(db, table, replica.region()), table.name(),
                  replica.region());
            }
          }
        }, TABLE, RECEIVING_REGION);
    for (String statistic : db.storage().statistics().keySet()) {
      gauge("shaledb_engine_" + statistic, "The storage engine's " + statistic.replace('_', ' '), callback -> {
        Long value = db.storage().statistics().get(statistic);
        if (value != null) {
          callback.call(value.doubleValue());
        }
      });
    }
    JvmMetrics.builder().register(registry);
  }

  /** Records a successful request's latency against its table ("" for none) and operation. */
  void succeeded(String table, String operation, long nanos) {
    series(table).latency(operation).observe(nanos / 1e9);
  }

  void consumed(String table, @Nullable String globalIndex, Access access, double units) {
    if (globalIndex == null) {
      TableSeries series = series(table);
      (access == Access.READ ? series.read : series.write).inc(units);
    } else {
      (access == Access.READ ? consumedRead : consumedWrite).labelValues(table, globalIndex).inc(units);
    }
  }

  void returnedItems(String table, String operation, int items) {
    returnedItems.labelValues(table, operation).inc(items);
  }

  void returnedRecords(String table, String streamLabel, String operation, int records) {
    returnedRecords.labelValues(table, streamLabel, operation).inc(records);
  }

  void throttled(String table, String operation) {
    throttledRequests.labelValues(table, operation).inc();
  }

  /**
   * Counts a table's, index's or partition's refusal in ReadThrottleEvents or WriteThrottleEvents, as the capacity
   * decides it: a whole request's, each batch item's left unprocessed, each transaction action's.
   */
  public void throttleEvent(ThrottleListener.Event event) {
    (event.access() == Access.READ ? readThrottleEvents : writeThrottleEvents)
        .labelValues(event.table(), event.index() == null ? "" : event.index()).inc();
  }

  void userError() {
    userErrors.inc();
  }

  void systemError(String table, String operation) {
    systemErrors.labelValues(table, operation).inc();
  }

  void conditionalCheckFailed(String table) {
    conditionalCheckFailed.labelValues(table).inc();
  }

  void transactionConflict(String table) {
    transactionConflicts.labelValues(table).inc();
  }

  /** What replication reports, for {@link Database#listenReplication}. */
  public ReplicationListener replication() {
    return new ReplicationListener() {
      @Override
      public void delivered(String table, String receivingRegion, long latencyMillis) {
        replicationLatency.labelValues(table, receivingRegion).observe(latencyMillis / 1e3);
      }

      @Override
      public void tombstonesReclaimed(String table, int count) {
        tombstonesReclaimed.labelValues(table).inc(count);
      }
    };
  }

  /** What the time-to-live sweeper deleted: for {@code MaintenanceServices.start}. */
  public void timeToLiveDeleted(String table, int items) {
    timeToLiveDeleted.labelValues(table).inc(items);
  }

  /**
   * Every metric in the format {@code accept} asks for: OpenMetrics when it names it, else the Prometheus text
   * format (what Prometheus asks for when it prefers it, and what a browser or curl gets).
   */
  public Scrape scrape(@Nullable String accept) {
    forgetDroppedTables();
    ExpositionFormatWriter writer = OpenMetricsTextFormatWriter.create();
    if (accept == null || !writer.accepts(accept)) {
      writer = PrometheusTextFormatWriter.create();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return new Scrape(writer.getContentType(), out.toByteArray());
  }

  /** A scrape's answer. */
  public record Scrape(String contentType, byte[] body) {}

  /** Drops the series of tables that are gone, so that what is scraped stays bounded by the catalog. */
  private void forgetDroppedTables() {
    Set<String> live = db.catalog().list().stream().map(TableMetadata::name).collect(Collectors.toSet());
    live.add("");
    tables.keySet().removeIf(table -> !live.contains(table));
    for (StatefulMetric<?, ?> metric : byTable) {
      metric.removeIf(labels -> !live.contains(labels.get(0)));
    }
  }

  private TableSeries series(String table) {
    TableSeries found = tables.get(table);
    return found != null ? found : tables.computeIfAbsent(table, TableSeries::new);
  }

  private Counter counter(String name, String help, String... labels) {
    return register(Counter.builder().name(name).help(help).labelNames(labels).withoutExemplars().build());
  }

  private void gauge(String name, String help, Consumer<GaugeWithCallback.Callback> callback, String... labels) {
    register(GaugeWithCallback.builder().name(name).help(help).labelNames(labels).callback(callback).build());
  }

  private <M extends Collector> M register(M metric) {
    registry.register(metric);
    return metric;
  }
}
