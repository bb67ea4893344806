package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** Details of the control plane that applications and infrastructure tools read: DeleteTable, SSE, time to live. */
@ShaleDbTest
class ControlPlaneDetailsIT {
  private final DynamoDbClient client;

  ControlPlaneDetailsIT(DynamoDbClient client) {
    this.client = client;
  }

  /**
   * DynamoDB's DeleteTable response (recorded responses of the service, the AWS CLI's example) names the table, its
   * status, throughput, size, ARN and id, and leaves out the schema, the creation time and the indexes.
   */
  @Test
  void deleteTable_describesTheTableAsDeleting_withoutWhatDynamoDbLeavesOut() {
    String name = Tables.unique("deleted");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.S), Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
            .keySchema(Tables.key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-pk-g")
            .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("g", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();

    TableDescription deleted = client.deleteTable(r -> r.tableName(name)).tableDescription();

    assertThat(deleted.tableName()).isEqualTo(name);
    assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(deleted.tableArn()).isEqualTo(arn);
    assertThat(deleted.tableId()).isNotEmpty();
    assertThat(deleted.itemCount()).isZero();
    assertThat(deleted.tableSizeBytes()).isZero();
    assertThat(deleted.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(deleted.provisionedThroughput().lastIncreaseDateTime()).isNull();
    assertThat(deleted.deletionProtectionEnabled()).isFalse();
    assertThat(deleted.hasAttributeDefinitions()).isFalse();
    assertThat(deleted.hasKeySchema()).isFalse();
    assertThat(deleted.creationDateTime()).isNull();
    assertThat(deleted.hasGlobalSecondaryIndexes()).isFalse();
    assertThat(deleted.hasLocalSecondaryIndexes()).isFalse();
    assertThat(deleted.latestStreamArn()).isNull();
  }

  /**
   * SSESpecification with Enabled false asks for encryption with a key the service owns, which every table has:
   * DynamoDB accepts it and describes the table as one created without it, with no SSEDescription.
   */
  @Test
  void createTable_withEncryptionByTheServicesOwnKey_isAccepted_andDescribedAsDefault() {
    String name = Tables.unique("sse-default");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .sseSpecification(s -> s.enabled(false)));

    assertThat(client.describeTable(r -> r.tableName(name)).table().sseDescription()).isNull();
  }

  @Test
  void createTable_withAKmsKey_isRefusedAsNotSupportedYet() {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.createTable(r -> r.tableName(Tables.unique("sse-kms")).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
            .keySchema(Tables.key("id", KeyType.HASH))
            .sseSpecification(s -> s.enabled(true))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ShaleDB does not support SSESpecification yet");
  }

  private String timeToLiveError(String table, boolean enabled, String attribute) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.updateTimeToLive(
        UpdateTimeToLiveRequest.builder().tableName(table)
            .timeToLiveSpecification(s -> s.enabled(enabled).attributeName(attribute)).build()));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e.awsErrorDetails().errorMessage();
  }

  /**
   * The refusals' wording is DynamoDB's as applications match on it ("TimeToLive is already enabled", "TimeToLive is
   * active on a different AttributeName: current AttributeName is ...", "Time to live has been modified multiple
   * times within a fixed interval"); ScyllaDB's test_ttl.py, against the service, pins which case gets which.
   */
  @Test
  void updateTimeToLive_showsEnabledAtOnce_andRefusesWhatDynamoDbRefuses_neverShowingAsATag() {
    String table = Tables.createSimple(client, "ttl");
    String arn = client.describeTable(r -> r.tableName(table)).table().tableArn();
    assertThat(timeToLiveError(table, false, "exp")).isEqualTo("TimeToLive is already disabled");

    client.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));

    assertThat(client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(timeToLiveError(table, true, "exp")).isEqualTo("TimeToLive is already enabled");
    assertThat(timeToLiveError(table, true, "other"))
        .isEqualTo("TimeToLive is active on a different AttributeName: current AttributeName is exp");
    assertThat(timeToLiveError(table, false, "other"))
        .isEqualTo("TimeToLive is active on a different AttributeName: current AttributeName is exp");
    assertThat(timeToLiveError(table, false, "exp"))
        .isEqualTo("Time to live has been modified multiple times within a fixed interval");
    assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();
  }
}
