package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbClock;
import io.shaledb.junit.ShaleDbTest;
import io.shaledb.junit.ShaleDbTest.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Every client the extension injects, on this project's own class path: the SDK's Netty 4.1 client under the
 * asynchronous one, Logback under SLF4J 2 (from Spring Boot), all on the test JVM's Java (17 or newer), with a server
 * of the class's own from a JSON table file.
 */
@ShaleDbTest(lifecycle = Lifecycle.PER_CLASS, tablesFrom = "tables.json")
class EverythingInjectedTest {

  @Test
  void enhancedClient_savesABean(DynamoDbEnhancedClient enhanced) {
    DynamoDbTable<Customer> customers = enhanced.table("Customers", TableSchema.fromBean(Customer.class));
    Customer ada = new Customer();
    ada.setId("ada");
    ada.setName("Ada Lovelace");
    customers.putItem(ada);

    assertThat(customers.getItem(Key.builder().partitionValue("ada").build()).getName()).isEqualTo("Ada Lovelace");
  }

  @Test
  void asyncClient_onNetty41_listsTheTables(DynamoDbAsyncClient async) {
    assertThat(io.netty.util.Version.identify().values())
        .allSatisfy(version -> assertThat(version.artifactVersion()).startsWith("4.1."));
    assertThat(async.listTables().join().tableNames()).contains("Customers");
  }

  @Test
  void clock_movesForward(ShaleDbClock clock, DynamoDbStreamsClient streams) {
    Instant later = clock.advance(Duration.ofHours(5));

    assertThat(later).isAfter(Instant.now().plus(Duration.ofHours(4)));
    assertThat(streams.listStreams().streams()).isEmpty();
    LoggerFactory.getLogger(EverythingInjectedTest.class).info("the server's clock is at {}", later);
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("ch.qos.logback");
  }

  @Test
  void putItem_withTheSyncClient(DynamoDbClient dynamo) {
    dynamo.putItem(put -> put.tableName("Customers").item(Map.of("id", AttributeValue.fromS("grace"))));

    assertThat(dynamo.getItem(get -> get.tableName("Customers")
        .key(Map.of("id", AttributeValue.fromS("grace")))).hasItem()).isTrue();
  }
}
