package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Resource-based policies through the SDK: stored with revision ids as the API reference describes them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html), PolicyNotFoundException
 * where there is none or the expected revision is not the current one.
 */
@ShaleDbTest
class ResourcePoliciesIT {
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"dynamodb:GetItem\","
      + "\"Resource\":\"*\"}]}";
  private static final String OTHER_POLICY = POLICY.replace("GetItem", "Query");
  private final DynamoDbClient client;

  ResourcePoliciesIT(DynamoDbClient client) {
    this.client = client;
  }

  private String tableArn() {
    String table = Tables.createSimple(client, "policy");
    return client.describeTable(r -> r.tableName(table)).table().tableArn();
  }

  @Test
  void putResourcePolicy_thenGet_returnsTheDocumentAndItsRevision_samePolicyAgainKeepsTheRevision() {
    String arn = tableArn();

    PutResourcePolicyResponse put = client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY));
    PutResourcePolicyResponse again = client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY));

    assertThat(put.revisionId()).isNotEmpty();
    assertThat(again.revisionId()).isEqualTo(put.revisionId());
    var got = client.getResourcePolicy(r -> r.resourceArn(arn));
    assertThat(got.policy()).isEqualTo(POLICY);
    assertThat(got.revisionId()).isEqualTo(put.revisionId());
  }

  @Test
  void putResourcePolicy_newDocumentWithTheCurrentRevision_replacesItUnderANewRevision() {
    String arn = tableArn();
    String first = client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)).revisionId();

    String second = client.putResourcePolicy(r -> r.resourceArn(arn).policy(OTHER_POLICY).expectedRevisionId(first))
        .revisionId();

    assertThat(second).isNotEqualTo(first);
    assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
    assertThat(client.getResourcePolicy(r -> r.resourceArn(arn)).policy()).isEqualTo(OTHER_POLICY);
  }

  @Test
  void putResourcePolicy_expectedRevisionNotCurrent_isPolicyNotFound_andChangesNothing() {
    String arn = tableArn();
    String table = arn.substring(arn.indexOf("table/") + "table/".length());
    String current = client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)).revisionId();

    PolicyNotFoundException e = catchThrowableOfType(PolicyNotFoundException.class,
        () -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(OTHER_POLICY).expectedRevisionId("1")));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Resource-based policy not found for the provided"
        + " ResourceArn: Requested update for policy with revision id 1, but the policy associated to target table "
        + table + " has revision id " + current + ".");
    assertThat(client.getResourcePolicy(r -> r.resourceArn(arn)).policy()).isEqualTo(POLICY);
  }

  @Test
  void putResourcePolicy_noPolicyExpected_attachesOnlyWhereThereIsNone() {
    String arn = tableArn();

    client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY).expectedRevisionId("NO_POLICY"));
    PolicyNotFoundException e = catchThrowableOfType(PolicyNotFoundException.class,
        () -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(OTHER_POLICY).expectedRevisionId("NO_POLICY")));

    assertThat(e.awsErrorDetails().errorMessage()).contains("Requested update for policy with revision id NO_POLICY");
  }

  @Test
  void getResourcePolicy_tableWithoutPolicy_isPolicyNotFound() {
    String arn = tableArn();

    PolicyNotFoundException e = catchThrowableOfType(PolicyNotFoundException.class,
        () -> client.getResourcePolicy(r -> r.resourceArn(arn)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Resource-based policy not found for the provided ResourceArn: " + arn);
  }

  @Test
  void deleteResourcePolicy_answersTheRevisionItRemoved_thenThereIsNone() {
    String arn = tableArn();
    String revision = client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)).revisionId();

    assertThat(client.deleteResourcePolicy(r -> r.resourceArn(arn)).revisionId()).isEqualTo(revision);

    assertThat(client.deleteResourcePolicy(r -> r.resourceArn(arn)).revisionId()).isNull();
    assertThat(catchThrowableOfType(PolicyNotFoundException.class,
        () -> client.getResourcePolicy(r -> r.resourceArn(arn)))).isNotNull();
  }

  @Test
  void deleteResourcePolicy_expectedRevisionWithoutPolicy_isPolicyNotFound() {
    String arn = tableArn();

    PolicyNotFoundException e = catchThrowableOfType(PolicyNotFoundException.class,
        () -> client.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId("123")));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Resource-based policy not found for the provided ResourceArn: " + arn);
  }

  @Test
  void createTable_withResourcePolicy_storesIt() {
    String table = Tables.unique("policy-create");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)).resourcePolicy(POLICY));
    String arn = client.describeTable(r -> r.tableName(table)).table().tableArn();

    assertThat(client.getResourcePolicy(r -> r.resourceArn(arn)).policy()).isEqualTo(POLICY);
  }

  @Test
  void putResourcePolicy_documentOver20KB_isRefused() {
    String arn = tableArn();
    String large = POLICY.replace("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Sid\":\"" + "x".repeat(20 * 1024) + "\"");

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(large)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Resource-based policy size exceeds the maximum allowed size of 20 KB");
  }

  @Test
  void putResourcePolicy_tableThatDoesNotExist_isResourceNotFound() {
    String arn = tableArn().replace("policy-", "missing-");

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: ResourcArn: " + arn + " not found");
  }

  @Test
  void putResourcePolicy_withoutPolicy_isAValidationError() {
    String arn = tableArn();

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.putResourcePolicy(r -> r.resourceArn(arn)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at 'policy'"
        + " failed to satisfy constraint: Member must not be null");
  }
}
