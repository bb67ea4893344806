package io.shaledb.core.schema;

/**
 * A Kinesis data stream a table was asked to stream its changes to. ShaleDB does not deliver to Kinesis, so a
 * destination it records is never ACTIVE: it stays {@link Status#ENABLE_FAILED} until disabled.
 */
public record KinesisDestination(String streamArn, Status status, Precision precision) {
  /** DynamoDB's DestinationStatus values. Persisted by ordinal: never reorder. */
  public enum Status {
    ENABLING,
    ACTIVE,
    DISABLING,
    DISABLED,
    ENABLE_FAILED,
    UPDATING
  }

  /** ApproximateCreationDateTimePrecision of the records. Persisted by ordinal: never reorder. */
  public enum Precision {
    MILLISECOND,
    MICROSECOND
  }

  public KinesisDestination with(Status newStatus, Precision newPrecision) {
    return new KinesisDestination(streamArn, newStatus, newPrecision);
  }
}
