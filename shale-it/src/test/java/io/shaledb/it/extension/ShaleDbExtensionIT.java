package io.shaledb.it.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbClock;
import io.shaledb.junit.ShaleDbTable;
import io.shaledb.junit.ShaleDbTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The extension as a test class uses it, with its default settings: a server in a child JVM shared by the run, the
 * clients and the clock injected, and tables declared by annotations and a JSON file.
 */
@ShaleDbTest(tablesFrom = "fixtures/tables.json")
@ShaleDbTable(name = "extension-events", partitionKey = "id", stream = true)
class ShaleDbExtensionIT {

  @Test
  void tablesFromAnnotationsAndJson_existDuringTheClass(DynamoDbClient dynamo) {
    assertThat(dynamo.listTables().tableNames())
        .contains("extension-events", "fixture-orders", "fixture-notes");
    assertThat(dynamo.describeTable(r -> r.tableName("fixture-orders")).table().globalSecondaryIndexes())
        .singleElement().satisfies(index -> assertThat(index.indexName()).isEqualTo("by-status"));
  }

  @Test
  @ShaleDbTable(name = "extension-method-table", partitionKey = "id", sortKey = "n",
      sortKeyType = ShaleDbTable.KeyType.N)
  void methodTable_existsDuringTheMethod(DynamoDbClient dynamo) {
    assertThat(dynamo.describeTable(r -> r.tableName("extension-method-table")).table().keySchema())
        .hasSize(2);
  }

  @Test
  void everyClient_reachesTheSameServer(DynamoDbClient dynamo, DynamoDbAsyncClient async,
      DynamoDbEnhancedClient enhanced, DynamoDbStreamsClient streams, URI endpoint) {
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    dynamo.putItem(r -> r.tableName("extension-events").item(Map.of("id", AttributeValue.fromS("sync"))));
    async.putItem(r -> r.tableName("extension-events").item(Map.of("id", AttributeValue.fromS("async")))).join();
    enhanced.table("extension-events", TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "id", AttributeValueType.S)
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .build())
        .putItem(EnhancedDocument.builder().putString("id", "enhanced")
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .build());

    assertThat(dynamo.scan(r -> r.tableName("extension-events")).items())
        .extracting(item -> item.get("id").s()).contains("sync", "async", "enhanced");
    String stream = dynamo.describeTable(r -> r.tableName("extension-events")).table().latestStreamArn();
    // Every shard: another test of this class moves the shared server's clock, which rolls shards over.
    List<String> inserted = new ArrayList<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(stream)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(r -> r.streamArn(stream).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      for (int page = 0; page < 10 && iterator != null; page++) {
        GetRecordsResponse records = streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build());
        records.records().forEach(record -> inserted.add(record.dynamodb().keys().get("id").s()));
        iterator = records.records().isEmpty() ? null : records.nextShardIterator();
      }
    }
    assertThat(inserted).contains("sync", "async", "enhanced");
  }

  @Test
  void clockAdvanced_pastAnItemsExpiry_theServerDeletesIt(DynamoDbClient dynamo, ShaleDbClock clock)
      throws InterruptedException {
    dynamo.updateTimeToLive(r -> r.tableName("fixture-notes")
        .timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
    Instant expires = clock.now().plus(Duration.ofDays(1));
    dynamo.putItem(r -> r.tableName("fixture-notes").item(Map.of("id", AttributeValue.fromS("session"),
        "expires", AttributeValue.fromN(Long.toString(expires.getEpochSecond())))));

    Instant moved = clock.advance(Duration.ofDays(2));

    assertThat(moved).isAfter(expires);
    assertThat(clock.now()).isAfterOrEqualTo(moved);
    // The server's sweep runs every second of real time; this waits for it, bounded.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (dynamo.getItem(r -> r.tableName("fixture-notes").key(Map.of("id", AttributeValue.fromS("session"))))
        .hasItem() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(dynamo.getItem(r -> r.tableName("fixture-notes")
        .key(Map.of("id", AttributeValue.fromS("session")))).hasItem()).isFalse();
  }
}
