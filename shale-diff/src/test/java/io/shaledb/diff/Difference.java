package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step whose outcomes differ, with what reproduces it: the run's seed and the step's index (run the same seed for
 * at least {@code step + 1} operations), the request, and both outcomes in their compared form.
 */
record Difference(long seed, int step, Kind kind, String operation, JsonNode request, Outcome shaledb,
    Outcome dynamodbLocal) {

  enum Kind {
    /** The responses differ. */
    RESPONSE,
    /** The responses are equal once numbers are compared by value, but numbers are written differently. */
    NUMBER_TEXT,
    /** A periodic full Scan found the tables' contents differ (request: the Scan; outcomes: the differing items). */
    STATE
  }

  boolean bothFailed() {
    return shaledb.failed() && dynamodbLocal.failed();
  }

  /** Only ShaleDB answered with an error. */
  boolean onlyShaleDbFailed() {
    return shaledb.failed() && !dynamodbLocal.failed();
  }

  boolean onlyDynamoDbLocalFailed() {
    return dynamodbLocal.failed() && !shaledb.failed();
  }

  String describe() {
    return "seed " + seed + " step " + step + " " + kind + " " + operation + "\n  request:        " + request
        + "\n  ShaleDB:        " + shaledb + "\n  DynamoDB Local: " + dynamodbLocal;
  }
}
