package io.shaledb.core.schema;

/**
 * The most request units per second an on-demand table or index may use, as OnDemandThroughput sets it. DynamoDB
 * describes a bound that was never set, or was removed, as {@value #UNBOUNDED}; a table whose throughput is enforced
 * is throttled by them ({@code capacity.Throughput}).
 */
public record OnDemandThroughput(long maxReadRequestUnits, long maxWriteRequestUnits) {
  public static final long UNBOUNDED = -1;
  public static final OnDemandThroughput NONE = new OnDemandThroughput(UNBOUNDED, UNBOUNDED);
}
