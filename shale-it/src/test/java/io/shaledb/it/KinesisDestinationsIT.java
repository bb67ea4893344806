package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;

/**
 * Kinesis streaming destinations through the SDK: recorded, and described as ENABLE_FAILED with the reason, since
 * ShaleDB delivers nothing to Kinesis; DISABLED once disabled.
 */
@ShaleDbTest
class KinesisDestinationsIT {
  private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/changes";
  private final DynamoDbClient client;

  KinesisDestinationsIT(DynamoDbClient client) {
    this.client = client;
  }

  private KinesisDataStreamDestination only(String table) {
    var destinations = client.describeKinesisStreamingDestination(r -> r.tableName(table))
        .kinesisDataStreamDestinations();
    assertThat(destinations).hasSize(1);
    return destinations.get(0);
  }

  private String error(Runnable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
  }

  @Test
  void describeKinesisStreamingDestination_newTable_hasNone() {
    String table = Tables.createSimple(client, "kinesis");

    var described = client.describeKinesisStreamingDestination(r -> r.tableName(table));

    assertThat(described.tableName()).isEqualTo(table);
    assertThat(described.kinesisDataStreamDestinations()).isEmpty();
  }

  @Test
  void enableKinesisStreamingDestination_answersEnabling_thenDescribesEnableFailedWithTheReason() {
    String table = Tables.createSimple(client, "kinesis");

    EnableKinesisStreamingDestinationResponse enabled = client.enableKinesisStreamingDestination(r -> r
        .tableName(table).streamArn(STREAM).enableKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));

    assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
    assertThat(enabled.enableKinesisStreamingConfiguration().approximateCreationDateTimePrecision())
        .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
    KinesisDataStreamDestination destination = only(table);
    assertThat(destination.streamArn()).isEqualTo(STREAM);
    assertThat(destination.destinationStatus()).isEqualTo(DestinationStatus.ENABLE_FAILED);
    assertThat(destination.destinationStatusDescription()).isEqualTo("ShaleDB records Kinesis streaming destinations"
        + " but does not deliver change records to Kinesis Data Streams");
    assertThat(destination.approximateCreationDateTimePrecision())
        .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
  }

  @Test
  void kinesisDestination_enabledTwice_updated_disabledTwice_isRefusedEachTimeItCannotApply() {
    String table = Tables.createSimple(client, "kinesis");
    client.enableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM));

    assertThat(error(() -> client.enableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM))))
        .isEqualTo("ResourceInUseException: Table " + table + " is already streaming to the Kinesis stream " + STREAM);
    assertThat(error(() -> client.updateKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM)
        .updateKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)))))
        .isEqualTo("ValidationException: The Kinesis streaming destination " + STREAM + " of table " + table
            + " is not ACTIVE: its status is ENABLE_FAILED");
    assertThat(client.disableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM))
        .destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
    assertThat(only(table).destinationStatus()).isEqualTo(DestinationStatus.DISABLED);
    assertThat(error(() -> client.disableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM))))
        .isEqualTo("ValidationException: Table " + table + " is not streaming to the Kinesis stream " + STREAM);
  }

  @Test
  void enableKinesisStreamingDestination_afterDisabling_recordsItAgain() {
    String table = Tables.createSimple(client, "kinesis");
    client.enableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM));
    client.disableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM));

    client.enableKinesisStreamingDestination(r -> r.tableName(table).streamArn(STREAM));

    assertThat(only(table).destinationStatus()).isEqualTo(DestinationStatus.ENABLE_FAILED);
  }

  @Test
  void enableKinesisStreamingDestination_streamArnTooShort_isAValidationError() {
    String table = Tables.createSimple(client, "kinesis");

    assertThat(error(() -> client.enableKinesisStreamingDestination(r -> r.tableName(table).streamArn("arn:x"))))
        .isEqualTo("ValidationException: 1 validation error detected: Value 'arn:x' at 'streamArn' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 37");
  }

  @Test
  void enableKinesisStreamingDestination_unknownTable_isResourceNotFound() {
    assertThat(error(() -> client.enableKinesisStreamingDestination(r -> r.tableName("no-such-table")
        .streamArn(STREAM))))
        .isEqualTo("ResourceNotFoundException: Requested resource not found: Table: no-such-table not found");
  }
}
