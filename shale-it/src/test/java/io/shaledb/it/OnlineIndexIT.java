package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A global index added to a table of 50,000 items while writers keep writing ends up exact. */
@Tag("slow")
@ShaleDbTest
class OnlineIndexIT {
  private static final int ITEMS = 50_000;

  private final DynamoDbClient client;

  OnlineIndexIT(DynamoDbClient client) {
    this.client = client;
  }

  private static Map<String, AttributeValue> item(int id, int group) {
    return Map.of("id", AttributeValue.fromN(String.valueOf(id)), "grp", AttributeValue.fromS("g" + group));
  }

  @Test
  void createIndex_onALiveTable_backfillsExactly() throws Exception {
    String table = Tables.create(client, "online", "id", ScalarAttributeType.N, null, null);
    for (int start = 0; start < ITEMS; start += 25) {
      List<WriteRequest> batch = IntStream.range(start, start + 25)
          .mapToObj(id -> WriteRequest.builder().putRequest(PutRequest.builder().item(item(id, id % 50)).build())
              .build()).toList();
      client.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
    }
    long seed = new Random().nextLong();
    System.out.println("OnlineIndexIT seed " + seed);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      Random random = new Random(seed + w);
      running.add(writers.submit(() -> {
        while (!stop.get()) {
          int id = random.nextInt(ITEMS + 1_000);
          switch (random.nextInt(3)) {
            case 0 -> client.deleteItem(r -> r.tableName(table).key(Map.of("id",
                AttributeValue.fromN(String.valueOf(id)))));
            case 1 -> client.updateItem(r -> r.tableName(table).key(Map.of("id",
                    AttributeValue.fromN(String.valueOf(id)))).updateExpression("REMOVE grp"));
            default -> client.putItem(r -> r.tableName(table).item(item(id, random.nextInt(50))));
          }
        }
        return null;
      }));
    }

    client.updateTable(r -> r.tableName(table)
        .attributeDefinitions(Tables.definition("grp", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-group")
            .keySchema(Tables.key("grp", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
            .build()));
    GlobalSecondaryIndexDescription creating = index(table);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!index(table).indexStatusAsString().equals("ACTIVE") && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    stop.set(true);
    for (Future<?> writer : running) {
      writer.get();
    }
    writers.shutdown();

    assertThat(creating.indexStatusAsString()).isIn("CREATING", "ACTIVE");
    assertThat(index(table).indexStatusAsString()).isEqualTo("ACTIVE");
    Set<String> expected = client.scanPaginator(r -> r.tableName(table)).items().stream()
        .filter(i -> i.containsKey("grp")).map(i -> i.get("id").n() + "/" + i.get("grp").s())
        .collect(Collectors.toSet());
    List<String> indexed = client.scanPaginator(r -> r.tableName(table).indexName("by-group")).items().stream()
        .map(i -> i.get("id").n() + "/" + i.get("grp").s()).toList();
    assertThat(indexed).doesNotHaveDuplicates();
    assertThat(Set.copyOf(indexed)).isEqualTo(expected);
    assertThat(index(table).itemCount()).isEqualTo(expected.size());
  }

  private GlobalSecondaryIndexDescription index(String table) {
    return client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().get(0);
  }
}
