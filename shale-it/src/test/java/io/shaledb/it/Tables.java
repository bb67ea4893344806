package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Table fixtures shared by the integration tests. */
final class Tables {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Tables() {}

  /** A table name no other test uses. */
  static String unique(String base) {
    return base + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  /** Creates an on-demand table with a partition key and, when {@code sortKey} is not null, a sort key. */
  static String create(DynamoDbClient client, String base, String hashKey, ScalarAttributeType hashType,
      String sortKey, ScalarAttributeType sortType) {
    String name = unique(base);
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (sortKey == null) {
      request.attributeDefinitions(definition(hashKey, hashType))
          .keySchema(key(hashKey, KeyType.HASH));
    } else {
      request.attributeDefinitions(definition(hashKey, hashType), definition(sortKey, sortType))
          .keySchema(key(hashKey, KeyType.HASH), key(sortKey, KeyType.RANGE));
    }
    client.createTable(request.build());
    return name;
  }

  static String createSimple(DynamoDbClient client, String base) {
    return create(client, base, "id", ScalarAttributeType.S, null, null);
  }

  /** Creates an on-demand table keyed by {@code id} (S) with a global index keyed by {@code indexKey} (S). */
  static String createWithGlobalIndex(DynamoDbClient client, String base, String index, String indexKey,
      ProjectionType projection) {
    String name = unique(base);
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(definition("id", ScalarAttributeType.S), definition(indexKey, ScalarAttributeType.S))
        .keySchema(key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(index)
            .keySchema(key(indexKey, KeyType.HASH)).projection(p -> p.projectionType(projection)).build()));
    return name;
  }

  /**
   * Asks DescribeTable until {@code table} is ACTIVE (a restore's table is CREATING until its items are copied), for
   * two minutes at the most; the SDK's waiter asks every 20 seconds.
   */
  static void awaitActive(DynamoDbClient client, String table) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (client.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
      assertThat(Instant.now()).as("%s ACTIVE within two minutes", table).isBefore(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static AttributeDefinition definition(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
