package io.shaledb.server.metrics;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.error.ThrottlingReason;
import io.shaledb.server.metrics.LogFormat.LogField;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every request's outcome goes when it is answered: the metrics (unless turned off), one log line per failed
 * request, and the access log when there is one.
 *
 * <p>Failed requests are logged on their own logger, {@value #FAILURE_LOGGER}: a server error (5xx, which the client
 * retries or reports) at WARN, a client error (4xx: a false condition, a throttle, a validation error, all part of
 * normal work) at DEBUG, which that logger's level turns on without the rest of the server's debug lines.
 *
 * <p>DynamoDB's metrics count each failure once, by its kind (developer guide, "DynamoDB Metrics and dimensions"):
 * a false condition of PutItem, UpdateItem or DeleteItem in ConditionalCheckFailedRequests, a throttled request in
 * ThrottledRequests, any other 400 in UserErrors (a transaction conflict also in TransactionConflict), a 5xx in
 * SystemErrors. A transaction cancelled by a false condition is a TransactionCanceledException, an HTTP 400 that is
 * neither of the two exceptions the UserErrors definition leaves out, so it counts there. Throttle events are not
 * counted here but where they are decided, through the capacity's listener.
 */
public final class RequestObserver {
  /** The logger of the failed requests' lines. */
  public static final String FAILURE_LOGGER = "io.shaledb.server.failures";
  private static final Logger FAILURES = LoggerFactory.getLogger(FAILURE_LOGGER);

  private final @Nullable ServerMetrics metrics;
  private final @Nullable AccessLog accessLog;
  private final LogFormat format;
  private final Clock clock;

  /**
   * @param metrics null when metrics are off
   * @param accessLog null without an access log
   * @param clock dates the access log's lines
   */
  public RequestObserver(@Nullable ServerMetrics metrics, @Nullable AccessLog accessLog, LogFormat format,
      Clock clock) {
    this.metrics = metrics;
    this.accessLog = accessLog;
    this.format = format;
    this.clock = clock;
  }

  /** Logs failures in logfmt and nothing else: for servers made without options, such as benchmarks'. */
  public static RequestObserver failuresOnly() {
    return new RequestObserver(null, null, LogFormat.LOGFMT, Clock.systemUTC());
  }

  /** The metrics served at {@code /metrics}, or null when they are off. */
  public @Nullable ServerMetrics metrics() {
    return metrics;
  }

  /** Starts observing a request that has just arrived. */
  public RequestObservation start(CharSequence requestId) {
    return new RequestObservation(this, requestId, System.nanoTime());
  }

  void consumed(String table, @Nullable String globalIndex, Access access, double units) {
    if (metrics != null) {
      metrics.consumed(table, globalIndex, access, units);
    }
  }

  void completed(RequestObservation request, @Nullable DynamoException error) {
    long nanos = System.nanoTime() - request.startNanos();
    if (metrics != null) {
      if (error == null) {
        succeeded(metrics, request, nanos);
      } else {
        failed(metrics, request, error);
      }
    }
    if (error != null) {
      logFailure(request, error, nanos);
    }
    if (accessLog != null) {
      accessLog.write(format.line(accessLine(request, error, nanos)));
    }
  }

  private static void succeeded(ServerMetrics metrics, RequestObservation request, long nanos) {
    metrics.succeeded(request.table(), request.operation(), nanos);
    if (request.returned() < 0) {
      return;
    }
    String streamArn = request.streamArn();
    if (streamArn == null) {
      metrics.returnedItems(request.table(), request.operation(), request.returned());
      return;
    }
    ResourceArn stream = ResourceArn.parse(streamArn);
    if (stream != null && stream.streamLabel() != null) {
      metrics.returnedRecords(stream.table(), stream.streamLabel(), request.operation(), request.returned());
    }
  }

  private static void failed(ServerMetrics metrics, RequestObservation request, DynamoException error) {
    ErrorCode code = error.code();
    if (code.httpStatus() >= 500) {
      metrics.systemError(request.table(), request.operation());
    } else if (code == ErrorCode.CONDITIONAL_CHECK_FAILED) {
      metrics.conditionalCheckFailed(request.table());
    } else if (code == ErrorCode.THROTTLING || code == ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED) {
      throttled(metrics, request, error);
    } else {
      if (code == ErrorCode.TRANSACTION_CONFLICT) {
        metrics.transactionConflict(request.table());
      }
      metrics.userError();
    }
  }

  /**
   * A throttled request counts once against the table its first throttling reason names (the request's own table
   * when it has none). Its throttle events were counted as they were decided, through the capacity's listener
   * ({@link ServerMetrics#throttleEvent}), with those of batch items left unprocessed and of transactions' actions.
   */
  private static void throttled(ServerMetrics metrics, RequestObservation request, DynamoException error) {
    String table = null;
    for (ThrottlingReason reason : reasons(error)) {
      ResourceArn resource = ResourceArn.parse(reason.resource());
      if (resource != null) {
        table = resource.table();
        break;
      }
    }
    metrics.throttled(table == null ? request.table() : table, request.operation());
  }

  private static List<ThrottlingReason> reasons(DynamoException error) {
    List<ThrottlingReason> reasons = new ArrayList<>();
    for (Object value : error.extra().values()) {
      if (value instanceof List<?> list) {
        for (Object element : list) {
          if (element instanceof ThrottlingReason reason) {
            reasons.add(reason);
          }
        }
      }
    }
    return reasons;
  }

  private void logFailure(RequestObservation request, DynamoException error, long nanos) {
    boolean serverError = error.code().httpStatus() >= 500;
    if (serverError) {
      if (FAILURES.isWarnEnabled()) {
        FAILURES.warn(failureLine(request, error, nanos));
      }
    } else if (FAILURES.isDebugEnabled()) {
      FAILURES.debug(failureLine(request, error, nanos));
    }
  }

  /** The failure log's line for {@code request}, which failed with {@code error} after {@code nanos}. */
  String failureLine(RequestObservation request, DynamoException error, long nanos) {
    List<LogField> fields = new ArrayList<>(8);
    fields.add(new LogField("request_id", request.requestId().toString()));
    fields.add(new LogField("operation", request.operation()));
    fields.add(new LogField("table", request.table()));
    fields.add(new LogField("status", error.code().httpStatus()));
    fields.add(new LogField("error", errorName(error)));
    fields.add(new LogField("latency_ms", millis(nanos)));
    String message = error.getMessage();
    if (message != null) {
      fields.add(new LogField("message", message));
    }
    return format.line(fields);
  }

  private List<LogField> accessLine(RequestObservation request, @Nullable DynamoException error, long nanos) {
    List<LogField> fields = new ArrayList<>(8);
    fields.add(new LogField("time", clock.instant().toString()));
    fields.add(new LogField("request_id", request.requestId().toString()));
    fields.add(new LogField("operation", request.operation()));
    fields.add(new LogField("table", request.table()));
    fields.add(new LogField("status", error == null ? 200 : error.code().httpStatus()));
    fields.add(new LogField("error", error == null ? "" : errorName(error)));
    fields.add(new LogField("latency_ms", millis(nanos)));
    return fields;
  }

  /** The error's name as clients see it: the part of its {@code __type} after the '#'. */
  static String errorName(DynamoException error) {
    String type = error.code().type();
    return type.substring(type.indexOf('#') + 1);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
