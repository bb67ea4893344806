package io.shaledb.core.op;

import io.shaledb.core.capacity.Access;
import org.jspecify.annotations.Nullable;

/**
 * Told of every capacity charge a request's {@link CapacityMeter} passes on, including a write refused on its
 * condition, which DynamoDB charges to its table without reporting it: what the table consumed, as DynamoDB's
 * ConsumedReadCapacityUnits and ConsumedWriteCapacityUnits count it. Called on the request's thread, once per
 * charge, so an implementation must be cheap and thread-safe.
 */
@FunctionalInterface
public interface CapacityListener {
  /** Hears nothing. */
  CapacityListener NONE = (table, globalIndex, access, units) -> {};

  /**
   * @param globalIndex the global index charged, or null for the table itself (with its local indexes, whose units
   *     count against it)
   */
  void consumed(String table, @Nullable String globalIndex, Access access, double units);
}
