package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Random PartiQL statements against one table and the equivalent GetItem, Query, Scan, PutItem, UpdateItem and
 * DeleteItem calls against a twin table: both must answer the same items, consume the same capacity and fail alike
 * (an INSERT's DuplicateItemException being the PutItem's failed attribute_not_exists condition, an UPDATE's failed
 * existence check the UpdateItem's). Runs on the memory engine and, with fewer statements to keep the build quick, on
 * RocksDB. The seed is printed; {@code -Dpartiql.seed=<seed>} replays a run.
 */
@ShaleDbTest
class PartiqlEquivalenceIT {
  private static final int STATEMENTS_IN_MEMORY = 300;
  private static final int STATEMENTS_ON_ROCKSDB = 150;

  private final DynamoDbClient client;

  PartiqlEquivalenceIT(DynamoDbClient client) {
    this.client = client;
  }

  /** What a call answered: its items (in order), its capacity, or the name of the error it failed with. */
  private record Answer(List<Map<String, AttributeValue>> items, Double capacity, String error) {}

  private static Answer answer(Supplier<Answer> call) {
    try {
      return call.get();
    } catch (DynamoDbException e) {
      String error = switch (e.awsErrorDetails().errorCode()) {
        case "DuplicateItemException", "ConditionalCheckFailedException" -> "condition";
        default -> e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
      };
      return new Answer(null, null, error);
    }
  }

  private static Double units(ConsumedCapacity capacity) {
    return capacity == null ? null : capacity.capacityUnits();
  }

  private static Answer of(ExecuteStatementResponse response) {
    return new Answer(response.hasItems() ? response.items() : List.of(), units(response.consumedCapacity()), null);
  }

  @Test
  void randomStatements_inMemory_answerAsTheirEquivalentCalls() {
    compare(client, STATEMENTS_IN_MEMORY);
  }

  @Test
  void randomStatements_onRocksDb_answerAsTheirEquivalentCalls(@TempDir Path data) throws IOException {
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient durable = server.client()) {
      compare(durable, STATEMENTS_ON_ROCKSDB);
      server.stop();
    }
  }

  private static void compare(DynamoDbClient client, int statements) {
    long seed = Long.getLong("partiql.seed", new Random().nextLong());
    System.out.println("PartiqlEquivalenceIT seed: " + seed);
    Random random = new Random(seed);
    String pql = Tables.create(client, "pql-eq", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
    String api = Tables.create(client, "api-eq", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);

    for (int i = 0; i < statements; i++) {
      AttributeValue pk = AttributeValue.fromS("p" + random.nextInt(4));
      AttributeValue sk = AttributeValue.fromN(String.valueOf(random.nextInt(5)));
      AttributeValue v = AttributeValue.fromN(String.valueOf(random.nextInt(100)));
      Map<String, AttributeValue> key = Map.of("pk", pk, "sk", sk);
      boolean consistent = random.nextBoolean();
      int kind = random.nextInt(7);
      Answer viaPartiql = answer(() -> of(client.executeStatement(r -> {
        r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).consistentRead(consistent);
        switch (kind) {
          case 0 -> r.statement("INSERT INTO \"" + pql + "\" VALUE {'pk': ?, 'sk': ?, 'v': ?}").parameters(pk, sk, v);
          case 1 -> r.statement("UPDATE \"" + pql + "\" SET v = v + ? WHERE pk = ? AND sk = ?").parameters(v, pk, sk);
          case 2 -> r.statement("DELETE FROM \"" + pql + "\" WHERE pk = ? AND sk = ?").parameters(pk, sk);
          case 3 -> r.statement("SELECT * FROM \"" + pql + "\" WHERE pk = ? AND sk = ?").parameters(pk, sk);
          case 4 -> r.statement("SELECT * FROM \"" + pql + "\" WHERE pk = ?").parameters(pk);
          case 5 -> r.statement("SELECT * FROM \"" + pql + "\" WHERE pk = ? AND sk >= ?").parameters(pk, sk);
          default -> r.statement("SELECT * FROM \"" + pql + "\" WHERE v > ?").parameters(v);
        }
      })));
      Answer viaApi = answer(() -> switch (kind) {
        case 0 -> new Answer(List.of(), units(client.putItem(r -> r.tableName(api)
            .item(Map.of("pk", pk, "sk", sk, "v", v)).conditionExpression("attribute_not_exists(pk)")
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity()), null);
        case 1 -> new Answer(List.of(), units(client.updateItem(r -> r.tableName(api).key(key)
            .updateExpression("SET v = v + :v").conditionExpression("attribute_exists(pk)")
            .expressionAttributeValues(Map.of(":v", v)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity()), null);
        case 2 -> new Answer(List.of(), units(client.deleteItem(r -> r.tableName(api).key(key)
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity()), null);
        case 3 -> {
          var got = client.getItem(r -> r.tableName(api).key(key).consistentRead(consistent)
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
          yield new Answer(got.hasItem() ? List.of(got.item()) : List.of(), units(got.consumedCapacity()), null);
        }
        case 4, 5 -> {
          var page = client.query(r -> r.tableName(api).consistentRead(consistent)
              .keyConditionExpression(kind == 4 ? "pk = :p" : "pk = :p AND sk >= :s")
              .expressionAttributeValues(kind == 4 ? Map.of(":p", pk) : Map.of(":p", pk, ":s", sk))
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
          yield new Answer(page.items(), units(page.consumedCapacity()), null);
        }
        default -> {
          var page = client.scan(r -> r.tableName(api).consistentRead(consistent).filterExpression("v > :v")
              .expressionAttributeValues(Map.of(":v", v)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
          yield new Answer(page.items(), units(page.consumedCapacity()), null);
        }
      });

      assertThat(viaPartiql).as("statement %d (kind %d) of seed %d", i, kind, seed).isEqualTo(viaApi);
    }
  }
}
