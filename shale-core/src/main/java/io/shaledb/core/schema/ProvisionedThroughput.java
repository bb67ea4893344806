package io.shaledb.core.schema;

import java.time.Instant;
import java.util.Optional;

/**
 * A table's provisioned capacity and its change history, as DescribeTable reports it. On-demand tables carry
 * zeros, as DynamoDB shows them.
 */
public record ProvisionedThroughput(
    long readCapacityUnits,
    long writeCapacityUnits,
    Optional<Instant> lastIncreaseDateTime,
    Optional<Instant> lastDecreaseDateTime,
    int numberOfDecreasesToday) {

  public static final ProvisionedThroughput ON_DEMAND = of(0, 0);

  public static ProvisionedThroughput of(long read, long write) {
    return new ProvisionedThroughput(read, write, Optional.empty(), Optional.empty(), 0);
  }
}
