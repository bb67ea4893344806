package io.shaledb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class KnownDifferenceTest {

  private static Outcome error(String type, String message) {
    return new Outcome(400, Values.JSON.objectNode().put("__type", "com.amazonaws.dynamodb.v20120810#" + type)
        .put("message", message));
  }

  private static Difference difference(Outcome shaledb, Outcome dynamodbLocal) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", "t");
    return new Difference(1, 0, Difference.Kind.RESPONSE, "GetItem", request, shaledb, dynamodbLocal);
  }

  @Test
  void classify_dynamoDbLocalsMissingTableMessage_allowListed() {
    Difference d = difference(error("ResourceNotFoundException", "Requested resource not found"),
        error("ResourceNotFoundException", "Cannot do operations on a non-existent table"));

    assertThat(KnownDifference.classify(d)).contains(KnownDifference.MISSING_TABLE_MESSAGE);
    assertThat(KnownDifference.MISSING_TABLE_MESSAGE.side()).isEqualTo(KnownDifference.Side.DYNAMODB_LOCAL);
  }

  @Test
  void classify_overlappingProjectionOnlyDynamoDbLocalRefuses_shaleDbGap() {
    Difference d = difference(new Outcome(200, Values.JSON.objectNode()), error("ValidationException",
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [a], path two: [a]"));

    assertThat(KnownDifference.classify(d)).contains(KnownDifference.PROJECTION_PATHS_OVERLAP);
  }

  @Test
  void classify_queryWhoseLimitEndsWithTheLastItem_keyOnlyOnShaleDb_dynamoDbLocalDeviation() throws Exception {
    ObjectNode request = (ObjectNode) Endpoint.JSON.readTree("{\"TableName\":\"t\",\"Limit\":1}");
    Outcome withKey = new Outcome(200, Endpoint.JSON.readTree("{\"Pages\":[{\"Count\":1,\"Items\":[{\"pk\":{\"N\":\"1\"}}],"
        + "\"LastEvaluatedKey\":{\"pk\":{\"N\":\"1\"}},\"ScannedCount\":1},{\"Count\":0,\"Items\":[],\"ScannedCount\":0}]}"));
    Outcome withoutKey = new Outcome(200, Endpoint.JSON.readTree("{\"Pages\":[{\"Count\":1,\"Items\":[{\"pk\":{\"N\":\"1\"}}],"
        + "\"ScannedCount\":1}]}"));

    assertThat(KnownDifference.classify(new Difference(1, 0, Difference.Kind.RESPONSE, "Query", request, withKey,
        withoutKey))).contains(KnownDifference.LIMIT_LAST_PAGE_KEY);
    assertThat(KnownDifference.classify(new Difference(1, 0, Difference.Kind.RESPONSE, "Query", request, withoutKey,
        withKey))).as("the other way round is not explained").isEmpty();
  }

  @Test
  void classify_stateWhereOnlyDynamoDbLocalHoldsKeyOnlyItems_dynamoDbLocalDeviation() throws Exception {
    Outcome none = new Outcome(200, Endpoint.JSON.readTree("{\"Items\":[]}"));
    Outcome keyOnly = new Outcome(200, Endpoint.JSON.readTree("{\"Items\":[{\"pk\":{\"N\":\"1\"},\"sk\":{\"S\":\"a\"}}]}"));
    Outcome fuller = new Outcome(200, Endpoint.JSON.readTree("{\"Items\":[{\"pk\":{\"N\":\"1\"},\"a\":{\"S\":\"a\"}}]}"));
    ObjectNode scan = Values.JSON.objectNode().put("TableName", "t");

    assertThat(KnownDifference.classify(new Difference(1, 0, Difference.Kind.STATE, "Scan(t)", scan, none,
        keyOnly))).contains(KnownDifference.DELETE_ONLY_UPDATE_OF_ABSENT_ITEM);
    assertThat(KnownDifference.classify(new Difference(1, 0, Difference.Kind.STATE, "Scan(t)", scan, none,
        fuller))).isEmpty();
  }

  @Test
  void classify_putItemRequestValidationBareOnDynamoDbLocal_allowListed() {
    Difference exact = new Difference(1, 0, Difference.Kind.RESPONSE, "PutItem", Values.JSON.objectNode(),
        error("ValidationException", "1 validation error detected: One or more parameter values were invalid: An "
            + "string set  may not be empty"),
        error("ValidationException", "One or more parameter values were invalid: An string set  may not be empty"));
    Difference reworded = new Difference(1, 0, Difference.Kind.RESPONSE, "PutItem", Values.JSON.objectNode(),
        error("ValidationException", "1 validation error detected: ReturnValues can only be ALL_OLD or NONE"),
        error("ValidationException", "Return values set to invalid value"));
    Difference otherOperation = new Difference(1, 0, Difference.Kind.RESPONSE, "DeleteItem",
        Values.JSON.objectNode(), error("ValidationException", "1 validation error detected: ReturnValues can only "
            + "be ALL_OLD or NONE"), error("ValidationException", "Return values set to invalid value"));

    assertThat(KnownDifference.classify(exact)).contains(KnownDifference.REQUEST_VALIDATION_ENVELOPE);
    assertThat(KnownDifference.classify(reworded)).contains(KnownDifference.REQUEST_VALIDATION_ENVELOPE);
    assertThat(KnownDifference.classify(new Difference(1, 0, Difference.Kind.RESPONSE, "PutItem",
        Values.JSON.objectNode(), error("ValidationException", "1 validation error detected: ExpressionAttributeValues"
            + " can only be specified when using expressions"), error("ValidationException", "ExpressionAttributeValues"
            + " can only be specified when using expressions: ConditionExpression is null"))))
        .as("the null expressions named only outside the envelope")
        .contains(KnownDifference.REQUEST_VALIDATION_ENVELOPE);
    assertThat(KnownDifference.classify(otherOperation).filter(KnownDifference.REQUEST_VALIDATION_ENVELOPE::equals))
        .isEmpty();
  }

  @Test
  void classify_differentItems_unexplained() {
    Difference d = difference(new Outcome(200, Values.JSON.objectNode().put("Item", 1)),
        new Outcome(200, Values.JSON.objectNode().put("Item", 2)));

    assertThat(KnownDifference.classify(d)).isEmpty();
  }

  @Test
  void classify_sameErrorTypeDifferentTypeOfError_unexplained() {
    Difference d = difference(error("ConditionalCheckFailedException", "The conditional request failed"),
        error("ResourceNotFoundException", "Cannot do operations on a non-existent table"));

    assertThat(KnownDifference.classify(d)).isEmpty();
  }

  @Test
  void classify_transactionUpdateBreakingAnIndexKeyBesideAFailedCondition_unclear() throws Exception {
    String cancelled = "Transaction cancelled, please refer cancellation reasons for specific reasons ";
    Outcome shaledb = new Outcome(400, Endpoint.JSON.readTree("{\"__type\":\"x#TransactionCanceledException\","
        + "\"message\":\"" + cancelled + "[None, ConditionalCheckFailed]\",\"CancellationReasons\":[{\"Code\":"
        + "\"None\"},{\"Code\":\"ConditionalCheckFailed\"}]}"));
    Outcome dynamodbLocal = new Outcome(400, Endpoint.JSON.readTree("{\"__type\":\"x#TransactionCanceledException\","
        + "\"message\":\"" + cancelled + "[ValidationError, ConditionalCheckFailed]\",\"CancellationReasons\":[{"
        + "\"Code\":\"ValidationError\",\"Message\":\"One or more parameter values were invalid: Type mismatch"
        + " for Index Key\"},{\"Code\":\"ConditionalCheckFailed\"}]}"));

    assertThat(KnownDifference.classify(new Difference(1, 0, Difference.Kind.RESPONSE, "TransactWriteItems",
        Values.JSON.objectNode(), shaledb, dynamodbLocal)))
        .contains(KnownDifference.UPDATE_INDEX_KEY_BESIDE_FAILED_CONDITION);
  }
}
