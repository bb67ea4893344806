package io.shaledb.core.op.table;

/** DescribeLimits' response: the capacity quotas DynamoDB applies by default. */
public record DescribeLimitsOutput(
    long accountMaxReadCapacityUnits,
    long accountMaxWriteCapacityUnits,
    long tableMaxReadCapacityUnits,
    long tableMaxWriteCapacityUnits) {

  /** DynamoDB's default quotas per region. */
  public static final DescribeLimitsOutput DEFAULTS = new DescribeLimitsOutput(80_000, 80_000, 40_000, 40_000);
}
