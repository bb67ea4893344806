package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@ShaleDbTest
class BatchIT {
  private final DynamoDbClient client;

  BatchIT(DynamoDbClient client) {
    this.client = client;
  }

  private static Map<String, AttributeValue> key(int id) {
    return Map.of("id", AttributeValue.fromS("k" + id));
  }

  private static WriteRequest put(int id) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS("k" + id),
        "n", AttributeValue.fromN(String.valueOf(id)))).build()).build();
  }

  private static WriteRequest delete(int id) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key(id)).build()).build();
  }

  @Test
  void batchWrite_thenBatchGet_acrossTables() {
    String first = Tables.createSimple(client, "batch1");
    String second = Tables.createSimple(client, "batch2");

    BatchWriteItemResponse written = client.batchWriteItem(r -> r.requestItems(Map.of(
        first, IntStream.range(0, 15).mapToObj(BatchIT::put).toList(),
        second, List.of(put(1), put(2)))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    client.batchWriteItem(r -> r.requestItems(Map.of(second, List.of(delete(2)))));
    BatchGetItemResponse read = client.batchGetItem(r -> r.requestItems(Map.of(
        first, KeysAndAttributes.builder().keys(IntStream.range(0, 20).mapToObj(BatchIT::key).toList())
            .projectionExpression("n").build(),
        second, KeysAndAttributes.builder().keys(List.of(key(1), key(2))).consistentRead(true).build()))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(written.unprocessedItems()).isEmpty();
    assertThat(written.consumedCapacity()).hasSize(2);
    assertThat(read.responses().get(first)).hasSize(15).allSatisfy(item -> assertThat(item).containsOnlyKeys("n"));
    assertThat(read.responses().get(second)).containsExactly(Map.of("id", AttributeValue.fromS("k1"),
        "n", AttributeValue.fromN("1")));
    assertThat(read.unprocessedKeys()).isEmpty();
    assertThat(read.consumedCapacity()).extracting(c -> c.capacityUnits()).containsExactlyInAnyOrder(10.0, 2.0);
  }

  @Test
  void batchGet_pastSixteenMegabytes_returnsTheRestAsUnprocessedKeys() {
    String table = Tables.createSimple(client, "batchbig");
    String big = "x".repeat(390 * 1024);
    for (int start = 0; start < 45; start += 5) {
      List<WriteRequest> puts = IntStream.range(start, start + 5).mapToObj(i -> WriteRequest.builder()
          .putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS("k" + i),
              "p", AttributeValue.fromS(big))).build()).build()).toList();
      client.batchWriteItem(r -> r.requestItems(Map.of(table, puts)));
    }
    List<Map<String, AttributeValue>> keys = IntStream.range(0, 45).mapToObj(BatchIT::key).toList();

    BatchGetItemResponse first = client.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(keys).build())));
    BatchGetItemResponse rest = client.batchGetItem(r -> r.requestItems(first.unprocessedKeys()));

    assertThat(first.responses().get(table)).hasSizeBetween(40, 44);
    assertThat(first.responses().get(table).size() + first.unprocessedKeys().get(table).keys().size())
        .isEqualTo(45);
    assertThat(rest.responses().get(table)).hasSize(first.unprocessedKeys().get(table).keys().size());
    assertThat(rest.unprocessedKeys()).isEmpty();
  }

  @Test
  void batchLimits_andErrors() {
    String table = Tables.createSimple(client, "batchlim");
    List<WriteRequest> twentySix = IntStream.range(0, 26).mapToObj(BatchIT::put).toList();
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, twentySix))))
        .hasMessageStartingWith("1 validation error detected: Value '{" + table + "=[")
        .hasMessageContaining("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint:"
            + " [Member must have length less than or equal to 25, Member must have length greater than or equal"
            + " to 1]");
    String other = Tables.createSimple(client, "batchlim2");
    List<WriteRequest> thirteen = IntStream.range(0, 13).mapToObj(BatchIT::put).toList();
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, thirteen, other, thirteen))))
        .hasMessageStartingWith("Too many items requested for the BatchWriteItem call");
    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(put(1), delete(1))))))
        .hasMessageStartingWith("Provided list of item keys contains duplicates");
    List<Map<String, AttributeValue>> keys = new ArrayList<>(IntStream.range(0, 101).mapToObj(BatchIT::key).toList());
    assertThatThrownBy(() -> client.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(keys).build()))))
        .hasMessageStartingWith("1 validation error detected: Value at 'RequestItems." + table + ".member.Keys' failed"
            + " to satisfy constraint: Member must have length less than or equal to 100");
    assertThatThrownBy(() -> client.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(List.of(key(1), key(1))).build()))))
        .hasMessageStartingWith("Provided list of item keys contains duplicates");
    assertThatThrownBy(() -> client.batchGetItem(r -> r.requestItems(Map.of("no-such-table",
        KeysAndAttributes.builder().keys(List.of(key(1))).build()))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(client.scan(r -> r.tableName(table)).count()).as("failed batches write nothing").isZero();
  }

  @Test
  void batchWrite_withAnItemTheIndexRejects_writesNothing() {
    String table = Tables.createWithGlobalIndex(client, "batchgsi", "byN", "n", ProjectionType.KEYS_ONLY);
    WriteRequest fine = WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
        "id", AttributeValue.fromS("k0"), "n", AttributeValue.fromS("zero"))).build()).build();

    assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(fine, put(1))))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key n Expected: S"
            + " Actual: N IndexName: byN");
    assertThat(client.scan(r -> r.tableName(table)).count()).isZero();
    assertThat(client.scan(r -> r.tableName(table).indexName("byN")).count()).isZero();
  }
}
