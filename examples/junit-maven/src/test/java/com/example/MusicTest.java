package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTable;
import io.shaledb.junit.ShaleDbTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ShaleDbTest
@ShaleDbTable(name = "Music", partitionKey = "Artist", sortKey = "Song")
class MusicTest {

  @Test
  void putThenGet(DynamoDbClient dynamo) {
    Map<String, AttributeValue> key = Map.of(
        "Artist", AttributeValue.fromS("Arcade Fire"),
        "Song", AttributeValue.fromS("Wake Up"));
    dynamo.putItem(put -> put.tableName("Music").item(Map.of(
        "Artist", AttributeValue.fromS("Arcade Fire"),
        "Song", AttributeValue.fromS("Wake Up"),
        "Year", AttributeValue.fromN("2004"))));

    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName("Music").key(key)).item();

    assertThat(item.get("Year").n()).isEqualTo("2004");
  }
}
