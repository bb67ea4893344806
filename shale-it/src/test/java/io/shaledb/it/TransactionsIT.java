package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

@ShaleDbTest
class TransactionsIT {
  private final DynamoDbClient client;

  TransactionsIT(DynamoDbClient client) {
    this.client = client;
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(String.valueOf(v));
  }

  private static TransactWriteItem put(String table, String id, long balance) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table)
        .item(Map.of("id", AttributeValue.fromS(id), "balance", n(balance))).build()).build();
  }

  private static TransactWriteItem move(String table, String id, long delta) {
    return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(id))
        .updateExpression("SET balance = balance + :d")
        .conditionExpression("balance >= :need")
        .expressionAttributeValues(Map.of(":d", n(delta), ":need", n(Math.max(0, -delta))))
        .build()).build();
  }

  @Test
  void transactGet_returnsWholeAndProjectedItems_anEmptyResponseForAMissingOne_atTwiceTheReadUnits() {
    String table = Tables.createSimple(client, "tx-get");
    for (String id : List.of("a", "b")) {
      client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "balance", n(5),
          "note", AttributeValue.fromS("x".repeat(5_000)))));
    }

    TransactGetItemsResponse response = client.transactGetItems(r -> r.returnConsumedCapacity(
        ReturnConsumedCapacity.TOTAL).transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(table).key(key("a")).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(table).key(key("b"))
            .projectionExpression("balance").build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(table).key(key("missing")).build()).build()));

    assertThat(response.responses().get(0).item()).isEqualTo(Map.of("id", AttributeValue.fromS("a"),
        "balance", n(5), "note", AttributeValue.fromS("x".repeat(5_000))));
    assertThat(response.responses().get(1).item()).isEqualTo(Map.of("balance", n(5)));
    assertThat(response.responses().get(2).hasItem()).isFalse();
    // Two strongly consistent reads of a 5 KB item (2 units each) and one of nothing (1 unit), each doubled.
    assertThat(response.consumedCapacity().getFirst().capacityUnits()).isEqualTo(10.0);
  }

  private static TransactGetItem get(String table, Map<String, AttributeValue> key) {
    return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
  }

  @Test
  void transactWrite_appliesEverythingAcrossTables() {
    String accounts = Tables.createSimple(client, "tx-accounts");
    String audit = Tables.createSimple(client, "tx-audit");
    client.putItem(r -> r.tableName(accounts).item(Map.of("id", AttributeValue.fromS("gone"))));

    TransactWriteItemsResponse response = client.transactWriteItems(r -> r.transactItems(
        put(accounts, "a", 10),
        put(audit, "log-1", 0),
        TransactWriteItem.builder().delete(Delete.builder().tableName(accounts).key(key("gone")).build()).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(client.getItem(r -> r.tableName(accounts).key(key("a"))).item()).containsEntry("balance", n(10));
    assertThat(client.getItem(r -> r.tableName(audit).key(key("log-1"))).hasItem()).isTrue();
    assertThat(client.getItem(r -> r.tableName(accounts).key(key("gone"))).hasItem()).isFalse();
    assertThat(response.consumedCapacity()).extracting(c -> c.capacityUnits()).containsExactlyInAnyOrder(4.0, 2.0);
  }

  @Test
  void failedCondition_cancelsEverything_withReasonsInActionOrder() {
    String table = Tables.createSimple(client, "tx-cancel");
    client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("a"), "balance", n(5))));

    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
        put(table, "b", 1),
        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key("a"))
            .conditionExpression("balance > :x").expressionAttributeValues(Map.of(":x", n(100)))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.getMessage()).startsWith("Transaction cancelled, please refer cancellation reasons for specific"
              + " reasons [None, ConditionalCheckFailed]");
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
              .containsExactly("None", "ConditionalCheckFailed");
          assertThat(e.cancellationReasons().get(1).item()).containsEntry("balance", n(5));
          assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
        });
    assertThat(client.getItem(r -> r.tableName(table).key(key("b"))).hasItem()).as("nothing applied").isFalse();
  }

  @Test
  void invalidTransactions_areRejected() {
    String table = Tables.createSimple(client, "tx-invalid");
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(put(table, "a", 1), put(table, "a", 2))))
        .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    assertThatThrownBy(() -> client.transactGetItems(r -> r.transactItems(get(table, key("a")), get(table, key("a")))))
        .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    assertThatThrownBy(() -> client.transactGetItems(r -> r.transactItems(get(table, key("a")),
        get(table, Map.of("id", n(1))))))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
              .containsExactly("None", "ValidationError");
          assertThat(e.cancellationReasons().get(1).message()).isEqualTo(
              "The provided key element does not match the schema");
        });
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(move(table, "absent", 1))))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
            .extracting(CancellationReason::code).containsExactly("ConditionalCheckFailed"));
    List<TransactWriteItem> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(put(table, "k" + i, i));
    }
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(tooMany)))
        .hasMessageContaining("Member must have length less than or equal to 100");
    String big = "x".repeat(390 * 1024);
    List<TransactWriteItem> overFourMegabytes = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      overFourMegabytes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
          .item(Map.of("id", AttributeValue.fromS("big" + i), "p", AttributeValue.fromS(big))).build()).build());
    }
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(overFourMegabytes)))
        .hasMessageStartingWith("Transaction request cannot be larger than 4 MB");
    assertThat(client.getItem(r -> r.tableName(table).key(key("big0"))).hasItem()).isFalse();
  }

  @Test
  void clientRequestToken_makesRetriesIdempotent() {
    String table = Tables.createSimple(client, "tx-idem");
    client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("a"), "balance", n(0))));
    for (int i = 0; i < 3; i++) {
      client.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(move(table, "a", 5)));
    }
    assertThat(client.getItem(r -> r.tableName(table).key(key("a"))).item()).containsEntry("balance", n(5));
    assertThatThrownBy(() -> client.transactWriteItems(r -> r.clientRequestToken("token-1")
        .transactItems(move(table, "a", 6)))).isInstanceOf(IdempotentParameterMismatchException.class);
  }

  @Test
  void moneyMoves_underConcurrency_neverChangeTheTotal_norGoNegative() throws Exception {
    String table = Tables.createSimple(client, "tx-bank");
    int accounts = 6;
    long initial = 100;
    for (int i = 0; i < accounts; i++) {
      String id = "acct" + i;
      client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "balance", n(initial))));
    }
    long seed = new Random().nextLong();
    System.out.println("moneyMoves seed " + seed);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> movers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Random random = new Random(seed + t);
      movers.add(pool.submit(() -> {
        int moved = 0;
        for (int i = 0; i < 60; i++) {
          int from = random.nextInt(accounts);
          int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
          long amount = 1L + random.nextInt(60);
          try {
            client.transactWriteItems(r -> r.transactItems(move(table, "acct" + from, -amount),
                move(table, "acct" + to, amount)));
            moved++;
          } catch (TransactionCanceledException insufficientFunds) {
            assertThat(insufficientFunds.cancellationReasons()).extracting(CancellationReason::code)
                .allMatch(code -> code.equals("None") || code.equals("ConditionalCheckFailed"));
          }
        }
        return moved;
      }));
    }
    List<Future<?>> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      boolean useScan = t == 1;
      readers.add(pool.submit(() -> {
        while (!stop.get()) {
          List<Map<String, AttributeValue>> snapshot = useScan
              ? client.scan(r -> r.tableName(table).consistentRead(true)).items()
              : client.transactGetItems(r -> r.transactItems(java.util.stream.IntStream.range(0, accounts)
                  .mapToObj(i -> TransactGetItem.builder().get(Get.builder().tableName(table).key(key("acct" + i))
                      .build()).build()).toList())).responses().stream().map(res -> res.item()).toList();
          long total = snapshot.stream().mapToLong(item -> Long.parseLong(item.get("balance").n())).sum();
          assertThat(total).isEqualTo(accounts * initial);
          assertThat(snapshot).allSatisfy(item -> assertThat(Long.parseLong(item.get("balance").n()))
              .isNotNegative());
        }
        return null;
      }));
    }
    int moves = 0;
    for (Future<Integer> mover : movers) {
      moves += mover.get();
    }
    stop.set(true);
    for (Future<?> reader : readers) {
      reader.get();
    }
    pool.shutdown();
    assertThat(moves).isPositive();
  }
}
