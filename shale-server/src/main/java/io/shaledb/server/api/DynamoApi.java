package io.shaledb.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.consensus.RegionConsensus;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.CapacityMeter;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.autoscaling.DeleteScalingPolicy;
import io.shaledb.core.op.autoscaling.DeregisterScalableTarget;
import io.shaledb.core.op.autoscaling.DescribeScalableTargets;
import io.shaledb.core.op.autoscaling.DescribeScalingActivities;
import io.shaledb.core.op.autoscaling.DescribeScalingPolicies;
import io.shaledb.core.op.autoscaling.PutScalingPolicy;
import io.shaledb.core.op.autoscaling.RegisterScalableTarget;
import io.shaledb.core.op.batch.BatchGetItem;
import io.shaledb.core.op.batch.BatchWriteItem;
import io.shaledb.core.op.item.DeleteItem;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.op.partiql.BatchExecuteStatement;
import io.shaledb.core.op.partiql.ExecuteStatement;
import io.shaledb.core.op.partiql.ExecuteTransaction;
import io.shaledb.core.op.read.Query;
import io.shaledb.core.op.read.Scan;
import io.shaledb.core.op.replication.ApplyReplicatedChanges;
import io.shaledb.core.op.replication.Paxos;
import io.shaledb.core.op.stream.DescribeStream;
import io.shaledb.core.op.stream.GetRecords;
import io.shaledb.core.op.stream.GetShardIterator;
import io.shaledb.core.op.stream.ListStreams;
import io.shaledb.core.op.table.AddReplicaRegion;
import io.shaledb.core.op.table.CreateBackup;
import io.shaledb.core.op.table.CreateGlobalTable;
import io.shaledb.core.op.table.CreateReplicaTable;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableWitness;
import io.shaledb.core.op.table.DeleteBackup;
import io.shaledb.core.op.table.DeleteReplicaTable;
import io.shaledb.core.op.table.DeleteResourcePolicy;
import io.shaledb.core.op.table.DeleteTable;
import io.shaledb.core.op.table.DeleteTableWitness;
import io.shaledb.core.op.table.DescribeBackup;
import io.shaledb.core.op.table.DescribeContinuousBackups;
import io.shaledb.core.op.table.DescribeContributorInsights;
import io.shaledb.core.op.table.DescribeGlobalTable;
import io.shaledb.core.op.table.DescribeGlobalTableSettings;
import io.shaledb.core.op.table.DescribeKinesisStreamingDestination;
import io.shaledb.core.op.table.DescribeLimitsOutput;
import io.shaledb.core.op.table.DescribeTable;
import io.shaledb.core.op.table.DescribeTableReplicaAutoScaling;
import io.shaledb.core.op.table.DescribeTimeToLive;
import io.shaledb.core.op.table.DisableKinesisStreamingDestination;
import io.shaledb.core.op.table.EnableKinesisStreamingDestination;
import io.shaledb.core.op.table.GetResourcePolicy;
import io.shaledb.core.op.table.InspectTable;
import io.shaledb.core.op.table.JoinGlobalTable;
import io.shaledb.core.op.table.LeaveGlobalTable;
import io.shaledb.core.op.table.ListBackups;
import io.shaledb.core.op.table.ListContributorInsights;
import io.shaledb.core.op.table.ListGlobalTables;
import io.shaledb.core.op.table.ListTables;
import io.shaledb.core.op.table.ListTagsOfResource;
import io.shaledb.core.op.table.PutResourcePolicy;
import io.shaledb.core.op.table.RestoreTableFromBackup;
import io.shaledb.core.op.table.RestoreTableToPointInTime;
import io.shaledb.core.op.table.TagResource;
import io.shaledb.core.op.table.UntagResource;
import io.shaledb.core.op.table.UpdateContinuousBackups;
import io.shaledb.core.op.table.UpdateContributorInsights;
import io.shaledb.core.op.table.UpdateGlobalTable;
import io.shaledb.core.op.table.UpdateGlobalTableSettings;
import io.shaledb.core.op.table.UpdateKinesisStreamingDestination;
import io.shaledb.core.op.table.UpdateReplicaSettings;
import io.shaledb.core.op.table.UpdateReplicaTable;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableReplicaAutoScaling;
import io.shaledb.core.op.table.UpdateTimeToLive;
import io.shaledb.core.op.tx.TransactGetItems;
import io.shaledb.core.op.tx.TransactWriteItems;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.write.WritePipeline;
import io.shaledb.server.admin.AdminOperations;
import io.shaledb.server.json.AutoScalingJson;
import io.shaledb.server.json.BackupJson;
import io.shaledb.server.json.BatchJson;
import io.shaledb.server.json.GlobalTableJson;
import io.shaledb.server.json.InsightsJson;
import io.shaledb.server.json.ItemJson;
import io.shaledb.server.json.Json;
import io.shaledb.server.json.JsonInput;
import io.shaledb.server.json.KinesisJson;
import io.shaledb.server.json.PartiqlJson;
import io.shaledb.server.json.PitrJson;
import io.shaledb.server.json.PolicyJson;
import io.shaledb.server.json.ReadJson;
import io.shaledb.server.json.ReplicaJson;
import io.shaledb.server.json.ReplicationJson;
import io.shaledb.server.json.StreamJson;
import io.shaledb.server.json.TableJson;
import io.shaledb.server.json.TransactJson;
import io.shaledb.server.metrics.ServerMetrics;
import io.shaledb.server.policy.AccessControl;
import io.shaledb.server.protocol.ApiHandler;
import io.shaledb.server.protocol.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/** The DynamoDB API: routes each X-Amz-Target to its operation. Closing it stops the database's background work. */
public final class DynamoApi implements ApiHandler, AutoCloseable {
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";
  /** Application Auto Scaling's target prefix, which the SDK's application-autoscaling client sends. */
  private static final String AUTO_SCALING_PREFIX = "AnyScaleFrontendService.";
  /** The calls regions make on each other for global tables (docs/global-tables.md); not DynamoDB's API. */
  private static final String REPLICATION_PREFIX = "ShaleDBReplication_20261205.";
  /** How long a request may spend retrying writes that lose conflicts before it answers a retryable error. */
  private static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(10);

  private final JsonFactory json = Json.FACTORY;
  private final Database db;
  /** By the whole X-Amz-Target: finding a request's route takes no substring of it. */
  private final Map<String, Route<?, ?>> routes;
  private final @Nullable ServerMetrics metrics;
  private final NonBlockingTries tries = new NonBlockingTries();
  private final UnknownOperations unknown = new UnknownOperations(LoggerFactory.getLogger(DynamoApi.class)::warn);

  private final AccessControl access;

  /**
   * @param metrics the server's metrics, null when they are off
   * @param access who may do what, checked on every call once its input is valid
   * @param adminOperations the admin API's routes ({@link AdminRoutes}), by operation; none without a principal store
   */
  DynamoApi(Database db, @Nullable ServerMetrics metrics, AccessControl access,
      Map<String, Route<?, ?>> adminOperations) {
    this.db = db;
    this.metrics = metrics;
    this.access = access;
    RegionConsensus consensus = new RegionConsensus(db);
    WritePipeline writes = new WritePipeline(db, consensus);
    Map<String, Route<?, ?>> operations = Map.ofEntries(
        Map.entry("CreateTable", new Route<>(TableJson::readCreateTable, new CreateTable(db),
            (g, out) -> TableJson.writeDescription(g, "TableDescription", out))),
        Map.entry("DescribeTable", new Route<>(TableJson::readTableName, new DescribeTable(db),
            (g, out) -> TableJson.writeDescription(g, "Table", out))),
        Map.entry("DeleteTable", new Route<>(TableJson::readTableName, new DeleteTable(db),
            TableJson::writeDeletedDescription)),
        Map.entry("UpdateTable", new Route<>(TableJson::readUpdateTable, new UpdateTable(db),
            (g, out) -> TableJson.writeDescription(g, "TableDescription", out))),
        Map.entry("ListTables", new Route<>(TableJson::readListTables, new ListTables(db),
            TableJson::writeListTables)),
        Map.entry("TagResource", new Route<>(TableJson::readTagResource, new TagResource(db),
            TableJson::writeEmpty)),
        Map.entry("UntagResource", new Route<>(TableJson::readUntagResource, new UntagResource(db),
            TableJson::writeEmpty)),
        Map.entry("ListTagsOfResource", new Route<>(TableJson::readResourceArn, new ListTagsOfResource(db),
            TableJson::writeTags)),
        Map.entry("UpdateTimeToLive", new Route<>(TableJson::readUpdateTimeToLive, new UpdateTimeToLive(db),
            TableJson::writeTimeToLiveSpecification)),
        Map.entry("DescribeTimeToLive", new Route<>(TableJson::readTableName, new DescribeTimeToLive(db),
            TableJson::writeTimeToLiveDescription)),
        Map.entry("DescribeEndpoints", new Route<>(TableJson::readNothing, new ClientEndpoint(),
            TableJson::writeEndpoints)),
        Map.entry("DescribeLimits", new Route<>(TableJson::readNothing, constant(DescribeLimitsOutput.DEFAULTS),
            TableJson::writeLimits)),
        Map.entry("DescribeContinuousBackups", new Route<>(TableJson::readTableName, new DescribeContinuousBackups(db),
            BackupJson::writeContinuousBackups)),
        Map.entry("UpdateContinuousBackups", new Route<>(BackupJson::readUpdateContinuousBackups,
            new UpdateContinuousBackups(db), BackupJson::writeContinuousBackups)),
        Map.entry("CreateBackup", new Route<>(BackupJson::readCreateBackup, new CreateBackup(db),
            BackupJson::writeBackupDetails)),
        Map.entry("DescribeBackup", new Route<>(BackupJson::readBackupArn, new DescribeBackup(db),
            BackupJson::writeBackupDescription)),
        Map.entry("DeleteBackup", new Route<>(BackupJson::readBackupArn, new DeleteBackup(db),
            BackupJson::writeBackupDescription)),
        Map.entry("ListBackups", new Route<>(BackupJson::readListBackups, new ListBackups(db),
            BackupJson::writeListBackups)),
        Map.entry("RestoreTableFromBackup", new Route<>(BackupJson::readRestoreTableFromBackup,
            new RestoreTableFromBackup(db), (g, out) -> TableJson.writeDescription(g, "TableDescription", out))),
        Map.entry("RestoreTableToPointInTime", new Route<>(PitrJson::readRestoreTableToPointInTime,
            new RestoreTableToPointInTime(db), (g, out) -> TableJson.writeDescription(g, "TableDescription", out))),
        Map.entry("DescribeContributorInsights", new Route<>(InsightsJson::readContributorInsights,
            new DescribeContributorInsights(db), InsightsJson::writeContributorInsights)),
        Map.entry("UpdateContributorInsights", new Route<>(InsightsJson::readContributorInsights,
            new UpdateContributorInsights(db), InsightsJson::writeContributorInsights)),
        Map.entry("ListContributorInsights", new Route<>(InsightsJson::readListContributorInsights,
            new ListContributorInsights(db), InsightsJson::writeListContributorInsights)),
        Map.entry("DescribeKinesisStreamingDestination", new Route<>(TableJson::readTableName,
            new DescribeKinesisStreamingDestination(db), KinesisJson::writeDescribe)),
        Map.entry("EnableKinesisStreamingDestination", new Route<>(KinesisJson::readEnableOrDisable,
            new EnableKinesisStreamingDestination(db), KinesisJson::writeEnableOrDisable)),
        Map.entry("DisableKinesisStreamingDestination", new Route<>(KinesisJson::readEnableOrDisable,
            new DisableKinesisStreamingDestination(db), KinesisJson::writeEnableOrDisable)),
        Map.entry("UpdateKinesisStreamingDestination", new Route<>(KinesisJson::readUpdate,
            new UpdateKinesisStreamingDestination(db), KinesisJson::writeUpdate)),
        Map.entry("DescribeTableReplicaAutoScaling", new Route<>(TableJson::readTableName,
            new DescribeTableReplicaAutoScaling(db), ReplicaJson::writeTableAutoScaling)),
        Map.entry("UpdateTableReplicaAutoScaling", new Route<>(ReplicaJson::readUpdateTableReplicaAutoScaling,
            new UpdateTableReplicaAutoScaling(db), ReplicaJson::writeTableAutoScaling)),
        Map.entry("CreateGlobalTable", new Route<>(GlobalTableJson::readCreateGlobalTable,
            new CreateGlobalTable(db), GlobalTableJson::writeDescription)),
        Map.entry("DescribeGlobalTable", new Route<>(ReplicaJson::readGlobalTableName, new DescribeGlobalTable(db),
            GlobalTableJson::writeDescription)),
        Map.entry("UpdateGlobalTable", new Route<>(GlobalTableJson::readUpdateGlobalTable,
            new UpdateGlobalTable(db), GlobalTableJson::writeDescription)),
        Map.entry("ListGlobalTables", new Route<>(GlobalTableJson::readListGlobalTables, new ListGlobalTables(db),
            GlobalTableJson::writeListGlobalTables)),
        Map.entry("DescribeGlobalTableSettings", new Route<>(ReplicaJson::readGlobalTableName,
            new DescribeGlobalTableSettings(db), GlobalTableJson::writeSettings)),
        Map.entry("UpdateGlobalTableSettings", new Route<>(GlobalTableJson::readUpdateGlobalTableSettings,
            new UpdateGlobalTableSettings(db), GlobalTableJson::writeSettings)),
        Map.entry("PutResourcePolicy", new Route<>(PolicyJson::readPutResourcePolicy, new PutResourcePolicy(db),
            PolicyJson::writeResourcePolicy)),
        Map.entry("GetResourcePolicy", new Route<>(PolicyJson::readResourcePolicy, new GetResourcePolicy(db),
            PolicyJson::writeResourcePolicy)),
        Map.entry("DeleteResourcePolicy", new Route<>(PolicyJson::readResourcePolicy, new DeleteResourcePolicy(db),
            PolicyJson::writeResourcePolicy)),
        Map.entry("PutItem", new Route<>(ItemJson::readPutItem, new PutItem(db, writes), ItemJson::writeAttributes)),
        Map.entry("GetItem", new Route<>(ItemJson::readGetItem, new GetItem(db, consensus), ItemJson::writeGetItem)),
        Map.entry("DeleteItem", new Route<>(ItemJson::readDeleteItem, new DeleteItem(db, writes),
            ItemJson::writeAttributes)),
        Map.entry("UpdateItem", new Route<>(ItemJson::readUpdateItem, new UpdateItem(db, writes),
            ItemJson::writeAttributes)),
        Map.entry("Query", new Route<>(ReadJson::readQuery, new Query(db, consensus), ReadJson::writePage)),
        Map.entry("Scan", new Route<>(ReadJson::readScan, new Scan(db, consensus), ReadJson::writePage)),
        Map.entry("BatchGetItem", new Route<>(BatchJson::readBatchGet, new BatchGetItem(db, consensus),
            BatchJson::writeBatchGet)),
        Map.entry("BatchWriteItem", new Route<>(BatchJson::readBatchWrite, new BatchWriteItem(db, writes),
            BatchJson::writeBatchWrite)),
        Map.entry("TransactWriteItems", new Route<>(TransactJson::readTransactWrite,
            new TransactWriteItems(db, writes), TransactJson::writeTransactWrite)),
        Map.entry("TransactGetItems", new Route<>(TransactJson::readTransactGet, new TransactGetItems(db),
            TransactJson::writeTransactGet)),
        Map.entry("ExecuteStatement", new Route<>(PartiqlJson::readExecuteStatement, new ExecuteStatement(db, writes),
            PartiqlJson::writeExecuteStatement)),
        Map.entry("BatchExecuteStatement", new Route<>(PartiqlJson::readBatchExecuteStatement,
            new BatchExecuteStatement(db, writes), PartiqlJson::writeBatchExecuteStatement)),
        Map.entry("ExecuteTransaction", new Route<>(PartiqlJson::readExecuteTransaction,
            new ExecuteTransaction(db, writes), PartiqlJson::writeExecuteTransaction)));
    Map<String, Route<?, ?>> streamOperations = Map.of(
        "ListStreams", new Route<>(StreamJson::readListStreams, new ListStreams(db), StreamJson::writeListStreams),
        "DescribeStream", new Route<>(StreamJson::readDescribeStream, new DescribeStream(db),
            StreamJson::writeDescribeStream),
        "GetShardIterator", new Route<>(StreamJson::readGetShardIterator, new GetShardIterator(db),
            StreamJson::writeShardIterator),
        "GetRecords", new Route<>(StreamJson::readGetRecords, new GetRecords(db),
            (g, out) -> StreamJson.writeGetRecords(g, out, db.region())));
    Map<String, Route<?, ?>> autoScalingOperations = Map.of(
        "RegisterScalableTarget", new Route<>(AutoScalingJson::readRegisterScalableTarget,
            new RegisterScalableTarget(db), AutoScalingJson::writeRegisterScalableTarget),
        "DeregisterScalableTarget", new Route<>(AutoScalingJson::readTargetKey, new DeregisterScalableTarget(db),
            TableJson::writeEmpty),
        "DescribeScalableTargets", new Route<>(AutoScalingJson::readDescribe, new DescribeScalableTargets(db),
            (g, out) -> AutoScalingJson.writeScalableTargets(g, out, db.region())),
        "PutScalingPolicy", new Route<>(AutoScalingJson::readPutScalingPolicy, new PutScalingPolicy(db),
            AutoScalingJson::writePutScalingPolicy),
        "DescribeScalingPolicies", new Route<>(AutoScalingJson::readDescribe, new DescribeScalingPolicies(db),
            (g, out) -> AutoScalingJson.writeScalingPolicies(g, out, db.region())),
        "DeleteScalingPolicy", new Route<>(AutoScalingJson::readTargetKey, new DeleteScalingPolicy(db),
            TableJson::writeEmpty),
        "DescribeScalingActivities", new Route<>(AutoScalingJson::readDescribe, new DescribeScalingActivities(db),
            AutoScalingJson::writeScalingActivities));
    Map<String, Route<?, ?>> replicationOperations = Map.ofEntries(
        Map.entry("InspectTable", new Route<>(ReplicationJson::readReplicaTable, new InspectTable(db),
            ReplicationJson::writeInspected)),
        Map.entry("JoinGlobalTable", new Route<>(ReplicationJson::readReplicaTable, new JoinGlobalTable(db),
            ReplicationJson::writeDone)),
        Map.entry("LeaveGlobalTable", new Route<>(ReplicationJson::readReplicaTable, new LeaveGlobalTable(db),
            ReplicationJson::writeDone)),
        Map.entry("UpdateReplicaSettings", new Route<>(ReplicationJson::readUpdateReplicaSettings,
            new UpdateReplicaSettings(db), ReplicationJson::writeDone)),
        Map.entry("CreateReplicaTable", new Route<>(ReplicationJson::readReplicaTable, new CreateReplicaTable(db),
            (g, out) -> TableJson.writeDescription(g, "TableDescription", out))),
        Map.entry("AddReplicaRegion", new Route<>(ReplicationJson::readReplicaTable, new AddReplicaRegion(db),
            ReplicationJson::writeAdded)),
        Map.entry("UpdateReplicaTable", new Route<>(ReplicationJson::readReplicaTable, new UpdateReplicaTable(db),
            ReplicationJson::writeDone)),
        Map.entry("CreateTableWitness", new Route<>(ReplicationJson::readReplicaTable, new CreateTableWitness(db),
            ReplicationJson::writeDone)),
        Map.entry("DeleteTableWitness", new Route<>(ReplicationJson::readReplicaTable, new DeleteTableWitness(db),
            ReplicationJson::writeDeleted)),
        Map.entry("DeleteReplicaTable", new Route<>(ReplicationJson::readReplicaTable, new DeleteReplicaTable(db),
            ReplicationJson::writeDeleted)),
        Map.entry("ApplyReplicatedChanges", new Route<>(ReplicationJson::readApplyReplicatedChanges,
            new ApplyReplicatedChanges(db, writes), ReplicationJson::writeApplied)),
        Map.entry("Paxos", new Route<>(ReplicationJson::readPaxos, new Paxos(consensus),
            ReplicationJson::writePaxosReply)));
    Map<String, Route<?, ?>> byTarget = new HashMap<>();
    operations.forEach((operation, route) -> byTarget.put(TARGET_PREFIX + operation, route.named(operation)));
    streamOperations.forEach((operation, route) -> byTarget.put(STREAMS_PREFIX + operation, route.named(operation)));
    autoScalingOperations.forEach((operation, route) -> byTarget.put(AUTO_SCALING_PREFIX + operation,
        route.named(operation)));
    adminOperations.forEach((operation, route) -> byTarget.put(AdminOperations.TARGET_PREFIX + operation,
        route.named(operation)));
    replicationOperations.forEach((operation, route) -> byTarget.put(REPLICATION_PREFIX + operation,
        route.named(operation)));
    this.routes = Map.copyOf(byTarget);
  }

  /** The metrics served at {@code /metrics}, or null when they are off. */
  public @Nullable ServerMetrics metrics() {
    return metrics;
  }

  @Override
  public void handle(ApiRequest request, InputStream body, OutputStream response) throws IOException {
    run(route(request), body, response, request);
  }

  @Override
  public Attempt handleWithoutBlocking(ApiRequest request, InputStream body, OutputStream response)
      throws IOException {
    Route<?, ?> route = route(request);
    if (!route.nonBlocking() || !tries.shouldTry()) {
      return new Attempt.Deferred(rest -> run(route, body, rest, request));
    }
    RequestContext context = context(request);
    Route.Admitted<?, ?> call = admit(route, body, context, request);
    try {
      finish(call, response, context, false, request);
      tries.succeeded();
      return Attempt.ANSWERED;
    } catch (WouldBlockException e) {
      tries.wouldHaveBlocked(e.reason());
      return new Attempt.Deferred(rest -> finish(call, rest, context, true, request));
    }
  }

  private Route<?, ?> route(ApiRequest request) {
    String target = request.target();
    Route<?, ?> route = target == null ? null : routes.get(target);
    if (route == null) {
      throw unknown.requested(request.target());
    }
    request.observation().routed(route.name());
    return route;
  }

  /**
   * The request as operations see it: its id, the caller's access key, a deadline for contended writes, and the
   * address the client reached.
   */
  private RequestContext context(ApiRequest request) {
    // Milliseconds are precision enough for a deadline seconds away, and take one Instant per request, not two.
    Instant deadline = Instant.ofEpochMilli(db.clock().millis() + MAX_REQUEST_TIME.toMillis());
    return new RequestContext(request.requestId(), request.caller(), deadline, db.clock(),
        new CapacityMeter(db.throughput(), request.observation()), request.host());
  }

  /** Runs one call, waiting for I/O as it needs. */
  private void run(Route<?, ?> route, InputStream body, OutputStream response, ApiRequest request)
      throws IOException {
    RequestContext context = context(request);
    finish(admit(route, body, context, request), response, context, true, request);
  }

  /**
   * Reads the call's body and decides whether the caller may run it. A storage engine that cannot serve now (a full
   * disk, which it logs once; a cluster that cannot commit) makes the call a retryable ServiceUnavailable rather
   * than a 500 logged with its stack for every refused call, here and in {@link #finish}.
   */
  private Route.Admitted<?, ?> admit(Route<?, ?> route, InputStream body, RequestContext context,
      ApiRequest request) throws IOException {
    try (JsonInput in = JsonInput.over(body)) {
      return route.admit(in, (operation, input) -> access.admit(operation, input, context, request.sourceIp()));
    } catch (StorageUnavailableException e) {
      throw DynamoException.serviceUnavailable();
    }
  }

  /** Runs an admitted call and writes its output. */
  private void finish(Route.Admitted<?, ?> call, OutputStream response, RequestContext context, boolean mayBlock,
      ApiRequest request) throws IOException {
    try (JsonGenerator generator = json.createGenerator(response)) {
      Object output = call.run(generator, context, mayBlock);
      // Operations without output (TagResource) answer null.
      if (metrics != null && output != null) {
        request.observation().answered(output);
      }
    } catch (StorageUnavailableException e) {
      throw DynamoException.serviceUnavailable();
    }
  }

  @Override
  public void close() {
    db.close();
  }

  /**
   * DescribeEndpoints: the address the client reached, as DynamoDB answers with the endpoint it was called on (ScyllaDB's
   * test/alternator/test_describe_endpoints.py, run against the service, calls the address it gets back).
   */
  private static final class ClientEndpoint implements Operation<Void, String> {
    @Override
    public void validate(Void input) {}

    @Override
    public String execute(Void input, RequestContext context) {
      return Objects.requireNonNull(context.endpoint(), "a call over HTTP has the address it reached");
    }
  }

  /** An operation with no input to check that always answers {@code output}. */
  private static <I, O> Operation<I, O> constant(O output) {
    return new Operation<>() {
      @Override
      public void validate(I input) {}

      @Override
      public O execute(I input, RequestContext context) {
        return output;
      }
    };
  }
}
