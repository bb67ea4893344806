package io.shaledb.core.capacity;

import org.jspecify.annotations.Nullable;

/**
 * Told of every throttling decision: each time a table, global index or key range is found without capacity for a
 * request or for part of one (a batch's items left unprocessed, a transaction's actions, a page). What DynamoDB
 * counts as ReadThrottleEvents and WriteThrottleEvents per table and index; a request refused as a whole is also one
 * of its ThrottledRequests, which the caller that renders the error can count by operation. Called on the request's
 * thread, so it must be quick and must not throw; core has no metrics library, the server's metrics implement this.
 */
@FunctionalInterface
public interface ThrottleListener {
  ThrottleListener NONE = event -> {};

  void throttled(Event event);

  /**
   * One refusal.
   *
   * @param index the global index that had no capacity, or null for the table (or one of its key ranges)
   */
  record Event(String table, @Nullable String index, Access access, Throttles.Limit limit) {}
}
