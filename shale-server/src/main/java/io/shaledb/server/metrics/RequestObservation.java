package io.shaledb.server.metrics;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.CapacityListener;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.partiql.ExecuteStatementOutput;
import io.shaledb.core.op.read.ReadPage;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsOutput;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is learnt of one request while it runs, for its metrics and log lines: when it started, the operation it was
 * routed to, the first table it was charged to (the table it is about), and what its answer returned. The transport
 * makes it when the request arrives and finishes it once, with the answer or the error; in between it belongs to the
 * request's thread.
 */
public final class RequestObservation implements CapacityListener {
  private final RequestObserver observer;
  private final CharSequence requestId;
  private final long startNanos;
  private @Nullable String operation;
  private @Nullable String table;
  private int returned = -1;
  private @Nullable String streamArn;

  RequestObservation(RequestObserver observer, CharSequence requestId, long startNanos) {
    this.observer = observer;
    this.requestId = requestId;
    this.startNanos = startNanos;
  }

  /** The request was routed to {@code operation} (such as GetItem). */
  public void routed(String operation) {
    this.operation = operation;
  }

  @Override
  public void consumed(String table, @Nullable String globalIndex, Access access, double units) {
    if (this.table == null) {
      this.table = table;
    }
    observer.consumed(table, globalIndex, access, units);
  }

  /** The operation answered {@code output}: what it returned is counted once the request succeeds. */
  public void answered(Object output) {
    switch (output) {
      case ReadPage page -> returned = page.count();
      case ExecuteStatementOutput statement -> {
        List<PageItem> items = statement.items();
        if (items != null) {
          returned = items.size();
        }
      }
      case GetRecordsOutput records -> {
        returned = records.records().size();
        streamArn = records.streamArn();
      }
      default -> {}
    }
  }

  /** The request succeeded. */
  public void succeeded() {
    observer.completed(this, null);
  }

  /** The request failed with {@code error}, which is its answer. */
  public void failed(DynamoException error) {
    observer.completed(this, error);
  }

  public CharSequence requestId() {
    return requestId;
  }

  long startNanos() {
    return startNanos;
  }

  /** The operation, or "" when the request reached none (refused before routing, or naming no operation). */
  String operation() {
    return operation == null ? "" : operation;
  }

  /** The table, or "" when none was charged. */
  String table() {
    return table == null ? "" : table;
  }

  /** The items or stream records the answer returned, or -1 when it returns neither. */
  int returned() {
    return returned;
  }

  @Nullable String streamArn() {
    return streamArn;
  }
}
