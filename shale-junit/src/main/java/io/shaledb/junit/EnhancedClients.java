package io.shaledb.junit;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Enhanced Client, on its own so that its classes load only when a test asks for one: {@code dynamodb-enhanced}
 * is an optional dependency, on the class path of the tests that use it.
 */
final class EnhancedClients {
  static final String CLASS_NAME = "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient";

  private EnhancedClients() {}

  static Object over(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
  }
}
