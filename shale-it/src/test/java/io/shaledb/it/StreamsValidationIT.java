package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams API's refusals. Which requests DynamoDB refuses, and with which error type, is ScyllaDB's
 * test_streams.py run against the service: a string that is no stream ARN is a ValidationException where a
 * well-formed ARN of no stream is not found, a SequenceNumber is refused for TRIM_HORIZON and LATEST and required for
 * the other types. "Invalid StreamArn" is the message the AWS SDK for JavaScript's integration tests meet; the
 * sequence-number wording is DynamoDB Local 3.3.1's.
 */
@ShaleDbTest
class StreamsValidationIT {
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;
  private String arn;
  private String shard;
  private String sequence;

  StreamsValidationIT(DynamoDbClient client, URI endpoint) {
    this.client = client;
    this.streams = StreamsClients.forEndpoint(endpoint);
  }

  @BeforeEach
  void streamingTable() {
    String table = Tables.unique("validated-stream");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
    arn = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    var first = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0);
    shard = first.shardId();
    sequence = first.sequenceNumberRange().startingSequenceNumber();
  }

  @AfterEach
  void closeStreams() {
    streams.close();
  }

  private static DynamoDbException refused(Executable call) {
    return catchThrowableOfType(DynamoDbException.class, call::execute);
  }

  private static void assertError(DynamoDbException e, String code, String message) {
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void streamArns_thatAreNoArn_areInvalid_andWellFormedOnesOfNoStream_areNotFound() {
    String garbage = "sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf";

    assertError(refused(() -> streams.describeStream(r -> r.streamArn(garbage))), "ValidationException",
        "Invalid StreamArn");
    assertError(refused(() -> streams.getShardIterator(r -> r.streamArn(garbage).shardId(shard)
        .shardIteratorType(ShardIteratorType.LATEST))), "ValidationException", "Invalid StreamArn");
    assertError(refused(() -> streams.listStreams(r -> r.exclusiveStartStreamArn(garbage))), "ValidationException",
        "Invalid StreamArn");
    assertError(refused(() -> streams.describeStream(r -> r.streamArn(arn + "0"))), "ResourceNotFoundException",
        "Requested resource not found: Stream: " + arn + "0 not found");
  }

  @Test
  void sequenceNumbers_areRefusedWhereTheIteratorTypeTakesNone_andRequiredWhereItTakesOne() {
    assertError(refused(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.LATEST).sequenceNumber(sequence))), "ValidationException",
        "One or more parameter values were invalid: SequenceNumber should not be passed for this iterator type");
    assertError(refused(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER))), "ValidationException",
        "One or more parameter values were invalid: Invalid SequenceNumber");
    assertError(refused(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber("x".repeat(21)))),
        "ValidationException", "One or more parameter values were invalid: Invalid SequenceNumber");
    assertThat(streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(sequence)).shardIterator())
        .isNotEmpty();
  }

  /** The service model's lengths: ShardId 28 to 65, SequenceNumber 21 to 40 characters. */
  @Test
  void shardIdsAndSequenceNumbers_outsideTheirDeclaredLengths_areValidationErrors() {
    assertError(refused(() -> streams.describeStream(r -> r.streamArn(arn)
            .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId("x")))), "ValidationException",
        "1 validation error detected: Value 'x' at 'shardFilter.shardId' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 28");
    assertError(refused(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber("1"))), "ValidationException",
        "1 validation error detected: Value '1' at 'sequenceNumber' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 21");
    assertThat(streams.describeStream(r -> r.streamArn(arn)
        .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(shard))).streamDescription().shards())
        .as("the only shard has no children yet").isEmpty();
  }
}
