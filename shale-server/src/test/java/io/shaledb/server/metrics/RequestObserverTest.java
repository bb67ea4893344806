package io.shaledb.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.ThrottleListener;
import io.shaledb.core.capacity.Throttles;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outcomes of requests as the transport reports them, over the memory engine: their metrics and failure lines. */
class RequestObserverTest {
  private static final String INDEX_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Music/index/ByYear";

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  private final ServerMetrics metrics = new ServerMetrics(db);
  private final RequestObserver observer = new RequestObserver(metrics, null, LogFormat.LOGFMT, Clock.systemUTC());

  RequestObserverTest() {
    new TestTables(db).create("Music", false, false, false);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String scrape() {
    return new String(metrics.scrape(null).body(), StandardCharsets.UTF_8);
  }

  private RequestObservation request(String operation, String table) {
    RequestObservation request = observer.start("req-1");
    request.routed(operation);
    request.consumed(table, null, Access.WRITE, 1);
    return request;
  }

  @Test
  void failureLine_conditionalCheckFailed_namesRequestOperationTableErrorAndLatency() {
    RequestObservation request = request("PutItem", "Music");

    String line = observer.failureLine(request, new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED,
        "The conditional request failed"), 1_500_000);

    assertThat(line).isEqualTo("request_id=req-1 operation=PutItem table=Music status=400"
        + " error=ConditionalCheckFailedException latency_ms=1.5 message=\"The conditional request failed\"");
  }

  @Test
  void failureLine_json_isOneObject() {
    RequestObserver json = new RequestObserver(metrics, null, LogFormat.JSON, Clock.systemUTC());
    RequestObservation request = json.start("req-2");

    String line = json.failureLine(request, new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, "a \"bug\""),
        2_000);

    assertThat(line).isEqualTo("{\"request_id\":\"req-2\",\"operation\":\"\",\"table\":\"\",\"status\":500,"
        + "\"error\":\"InternalServerError\",\"latency_ms\":0.002,\"message\":\"a \\\"bug\\\"\"}");
  }

  @Test
  void failed_conditionalCheck_countsItAndTheRefusedWriteNotAUserError() {
    request("PutItem", "Music").failed(new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "no"));

    assertThat(scrape())
        .contains("ConditionalCheckFailedRequests_total{TableName=\"Music\"} 1.0")
        .contains("ConsumedWriteCapacityUnits_total{GlobalSecondaryIndexName=\"\",TableName=\"Music\"} 1.0")
        .contains("UserErrors_total 0.0");
  }

  @Test
  void failed_throttledOnIndex_countsTheRequestOnceAndLeavesEventsToTheCapacityListener() {
    RequestObservation request = observer.start("req-3");
    request.routed("Query");

    request.failed(Throttles.throttled(false, true, Access.READ, Throttles.Limit.PROVISIONED, INDEX_ARN));

    assertThat(scrape())
        .contains("ThrottledRequests_total{Operation=\"Query\",TableName=\"Music\"} 1.0")
        .doesNotContain("ReadThrottleEvents_total{")
        .contains("UserErrors_total 0.0");
  }

  @Test
  void throttleEvent_indexAndPartitionRefusals_countPerTableAndIndex() {
    metrics.throttleEvent(new ThrottleListener.Event("Music", "ByYear", Access.READ, Throttles.Limit.PROVISIONED));
    metrics.throttleEvent(new ThrottleListener.Event("Music", null, Access.WRITE, Throttles.Limit.KEY_RANGE));
    metrics.throttleEvent(new ThrottleListener.Event("Music", null, Access.WRITE, Throttles.Limit.KEY_RANGE));

    assertThat(scrape())
        .contains("ReadThrottleEvents_total{GlobalSecondaryIndexName=\"ByYear\",TableName=\"Music\"} 1.0")
        .contains("WriteThrottleEvents_total{GlobalSecondaryIndexName=\"\",TableName=\"Music\"} 2.0")
        .doesNotContain("ThrottledRequests_total{");
  }

  @Test
  void failed_serverError_countsASystemErrorForTheTableAndOperation() {
    request("UpdateItem", "Music").failed(DynamoException.serviceUnavailable());

    assertThat(scrape())
        .contains("SystemErrors_total{Operation=\"UpdateItem\",TableName=\"Music\"} 1.0")
        .contains("UserErrors_total 0.0");
  }

  @Test
  void failed_transactionConflict_countsItAndAUserError() {
    request("TransactWriteItems", "Music").failed(new DynamoException(ErrorCode.TRANSACTION_CONFLICT, "conflict"));

    assertThat(scrape())
        .contains("TransactionConflict_total{TableName=\"Music\"} 1.0")
        .contains("UserErrors_total 1.0");
  }

  @Test
  void succeeded_tableDropped_hasItsSeriesForgottenAtTheNextScrape() {
    RequestObservation request = request("PutItem", "Gone");
    request.succeeded();

    assertThat(scrape()).doesNotContain("TableName=\"Gone\"").contains("TableName=\"Music\"");
  }
}
