package io.shaledb.core.op.table;

import io.shaledb.core.schema.KinesisDestination;
import java.util.List;

/** DescribeKinesisStreamingDestination's answer: every destination the table has had, with its status. */
public record DescribeKinesisDestinationsOutput(String tableName, List<KinesisDestination> destinations) {
  /** Why a destination is not ACTIVE, as its DestinationStatusDescription. */
  public static final String NOT_DELIVERED =
      "ShaleDB records Kinesis streaming destinations but does not deliver change records to Kinesis Data Streams";

  public DescribeKinesisDestinationsOutput {
    destinations = List.copyOf(destinations);
  }
}
