package io.shaledb.core.op.table;

import io.shaledb.core.capacity.Throughput;

/** DescribeLimits' response: the capacity quotas DynamoDB applies by default. */
public record DescribeLimitsOutput(
    long accountMaxReadCapacityUnits,
    long accountMaxWriteCapacityUnits,
    long tableMaxReadCapacityUnits,
    long tableMaxWriteCapacityUnits) {

  /** DynamoDB's default quotas per region; an enforced on-demand table is held to the per-table one. */
  public static final DescribeLimitsOutput DEFAULTS = new DescribeLimitsOutput(80_000, 80_000,
      Throughput.TABLE_MAX_UNITS, Throughput.TABLE_MAX_UNITS);
}
