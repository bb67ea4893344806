package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@ShaleDbTest
class IndexesIT {
  private final DynamoDbClient client;

  IndexesIT(DynamoDbClient client) {
    this.client = client;
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(String.valueOf(v));
  }

  /** pk/sk table with LSIs on lsk1 (KEYS_ONLY), lsk2 (ALL) and GSIs on g1 (ALL), g2+gs (INCLUDE c), g3 (KEYS_ONLY). */
  private String createIndexedTable() {
    String name = Tables.unique("indexed");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N), Tables.definition("lsk1", ScalarAttributeType.S),
            Tables.definition("lsk2", ScalarAttributeType.N), Tables.definition("g1", ScalarAttributeType.S),
            Tables.definition("g2", ScalarAttributeType.N), Tables.definition("gs", ScalarAttributeType.S),
            Tables.definition("g3", ScalarAttributeType.B))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .localSecondaryIndexes(
            lsi("lsi1", "lsk1", ProjectionType.KEYS_ONLY), lsi("lsi2", "lsk2", ProjectionType.ALL))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("gall").keySchema(Tables.key("g1", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build(),
            GlobalSecondaryIndex.builder().indexName("ginc")
                .keySchema(Tables.key("g2", KeyType.HASH), Tables.key("gs", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("c")).build(),
            GlobalSecondaryIndex.builder().indexName("gkeys").keySchema(Tables.key("g3", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
    return name;
  }

  private static LocalSecondaryIndex lsi(String name, String sortKey, ProjectionType projection) {
    return LocalSecondaryIndex.builder().indexName(name)
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key(sortKey, KeyType.RANGE))
        .projection(Projection.builder().projectionType(projection).build()).build();
  }

  @Test
  void describeTable_listsIndexes() {
    String table = createIndexedTable();
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", n(1), "g1", s("x"))));

    TableDescription description = client.describeTable(r -> r.tableName(table)).table();

    assertThat(description.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("lsi1", "lsi2");
    GlobalSecondaryIndexDescription gall = description.globalSecondaryIndexes().get(0);
    assertThat(gall.indexName()).isEqualTo("gall");
    assertThat(gall.indexStatusAsString()).isEqualTo("ACTIVE");
    assertThat(gall.itemCount()).isEqualTo(1);
    assertThat(gall.indexArn()).isEqualTo(description.tableArn() + "/index/gall");
    assertThat(description.globalSecondaryIndexes().get(1).projection().nonKeyAttributes()).containsExactly("c");
  }

  @Test
  void queries_onLocalAndGlobalIndexes_withProjections() {
    String table = createIndexedTable();
    for (int i = 0; i < 6; i++) {
      int id = i;
      client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", n(id), "lsk1", s("v" + (5 - id)),
          "lsk2", n(id * 10L), "g2", n(id % 2), "gs", s("s" + id), "c", s("c" + id), "other", s("o" + id))));
    }

    QueryResponse byLsi = client.query(r -> r.tableName(table).indexName("lsi1")
        .keyConditionExpression("pk = :p AND lsk1 >= :v").expressionAttributeValues(Map.of(":p", s("p"),
            ":v", s("v3"))));
    QueryResponse lsiAll = client.query(r -> r.tableName(table).indexName("lsi1").select(Select.ALL_ATTRIBUTES)
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))).limit(1));
    QueryResponse byGsi = client.query(r -> r.tableName(table).indexName("ginc")
        .keyConditionExpression("g2 = :one").expressionAttributeValues(Map.of(":one", n(1))));

    assertThat(byLsi.items()).extracting(i -> i.get("lsk1").s()).containsExactly("v3", "v4", "v5");
    assertThat(byLsi.items().get(0)).containsOnlyKeys("pk", "sk", "lsk1");
    assertThat(lsiAll.items().get(0)).containsKey("other");
    assertThat(lsiAll.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "lsk1");
    assertThat(byGsi.items()).extracting(i -> i.get("gs").s()).containsExactly("s1", "s3", "s5");
    assertThat(byGsi.items().get(0)).containsOnlyKeys("pk", "sk", "g2", "gs", "c");
    assertThatThrownBy(() -> client.query(r -> r.tableName(table).indexName("ginc").consistentRead(true)
        .keyConditionExpression("g2 = :one").expressionAttributeValues(Map.of(":one", n(1)))))
        .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");
    assertThatThrownBy(() -> client.query(r -> r.tableName(table).indexName("ginc").select(Select.ALL_ATTRIBUTES)
        .keyConditionExpression("g2 = :one").expressionAttributeValues(Map.of(":one", n(1)))))
        .hasMessageStartingWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not"
            + " supported for global secondary index ginc because its projection type is not ALL");
  }

  @Test
  void duplicateIndexKeys_paginateExactly_andSparseItemsAreAbsent() {
    String table = createIndexedTable();
    for (int i = 0; i < 40; i++) {
      int id = i;
      Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("p" + (id % 7)), "sk", n(id)));
      if (id % 4 != 0) {
        item.put("g1", s("same"));
      }
      client.putItem(r -> r.tableName(table).item(item));
    }
    List<String> seen = new ArrayList<>();
    client.queryPaginator(r -> r.tableName(table).indexName("gall").keyConditionExpression("g1 = :s")
        .expressionAttributeValues(Map.of(":s", s("same"))).limit(3))
        .items().forEach(i -> seen.add(i.get("pk").s() + "/" + i.get("sk").n()));
    assertThat(seen).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void returnItemCollectionMetrics_reportsTheCollectionOfTablesWithLocalIndexes() {
    String table = createIndexedTable();
    String plain = Tables.createSimple(client, "nolsi");

    var withLsi = client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", n(1), "lsk1", s("a")))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    var withoutLsi = client.putItem(r -> r.tableName(plain).item(Map.of("id", s("p")))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));

    assertThat(withLsi.itemCollectionMetrics().itemCollectionKey()).isEqualTo(Map.of("pk", s("p")));
    assertThat(withLsi.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    assertThat(withoutLsi.itemCollectionMetrics()).isNull();
    var batch = client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(WriteRequest.builder()
        .putRequest(p -> p.item(Map.of("pk", s("q"), "sk", n(1))).build()).build())))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(batch.itemCollectionMetrics().get(table)).singleElement()
        .satisfies(m -> assertThat(m.itemCollectionKey()).isEqualTo(Map.of("pk", s("q"))));
    var transaction = client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
        .put(p -> p.tableName(table).item(Map.of("pk", s("t"), "sk", n(1)))).build())
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(transaction.itemCollectionMetrics().get(table)).hasSize(1);
  }

  @Test
  void indexKeyOfTheWrongType_isRejected() {
    String table = createIndexedTable();
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", n(1),
        "g1", n(5)))))
        .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key g1"
            + " Expected: S Actual: N IndexName: gall");
  }

  @Test
  void randomWrites_keepEveryIndexExact() {
    String table = createIndexedTable();
    long seed = new Random().nextLong();
    System.out.println("randomWrites_keepEveryIndexExact seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 1_500; i++) {
      String pk = "p" + random.nextInt(5);
      long sk = random.nextInt(60);
      Map<String, AttributeValue> key = Map.of("pk", s(pk), "sk", n(sk));
      switch (random.nextInt(4)) {
        case 0, 1 -> {
          Map<String, AttributeValue> item = new HashMap<>(key);
          maybe(random, item, "lsk1", s("l" + random.nextInt(5)));
          maybe(random, item, "lsk2", n(random.nextInt(5)));
          maybe(random, item, "g1", s("g" + random.nextInt(4)));
          maybe(random, item, "g2", n(random.nextInt(3)));
          maybe(random, item, "gs", s("x" + random.nextInt(3)));
          maybe(random, item, "g3", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(
              new byte[] {(byte) random.nextInt(3)})));
          maybe(random, item, "c", s("c" + random.nextInt(9)));
          client.putItem(r -> r.tableName(table).item(item));
        }
        case 2 -> {
          boolean first = random.nextBoolean();
          client.updateItem(r -> r.tableName(table).key(key)
              .updateExpression(first ? "SET g1 = :g, c = :c REMOVE lsk1" : "REMOVE g2, gs SET lsk2 = :n")
              .expressionAttributeValues(first
                  ? Map.of(":g", s("g" + random.nextInt(4)), ":c", s("c" + random.nextInt(9)))
                  : Map.of(":n", n(random.nextInt(5)))));
        }
        default -> client.deleteItem(r -> r.tableName(table).key(key));
      }
    }
    List<Map<String, AttributeValue>> items = client.scanPaginator(r -> r.tableName(table)).items().stream().toList();
    TableDescription description = client.describeTable(r -> r.tableName(table)).table();
    assertIndex(table, "lsi1", items, List.of("pk", "lsk1"), Set.of("pk", "sk", "lsk1"), description);
    assertIndex(table, "lsi2", items, List.of("pk", "lsk2"), null, description);
    assertIndex(table, "gall", items, List.of("g1"), null, description);
    assertIndex(table, "ginc", items, List.of("g2", "gs"), Set.of("pk", "sk", "g2", "gs", "c"), description);
    assertIndex(table, "gkeys", items, List.of("g3"), Set.of("pk", "sk", "g3"), description);
  }

  private static void maybe(Random random, Map<String, AttributeValue> item, String name, AttributeValue value) {
    if (random.nextInt(3) != 0) {
      item.put(name, value);
    }
  }

  private void assertIndex(String table, String index, List<Map<String, AttributeValue>> items,
      List<String> keys, Set<String> projected, TableDescription description) {
    List<Map<String, AttributeValue>> expected = items.stream()
        .filter(item -> item.keySet().containsAll(keys))
        .map(item -> projected == null ? item : item.entrySet().stream()
            .filter(e -> projected.contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)))
        .sorted(Comparator.comparing(Object::toString)).toList();
    List<Map<String, AttributeValue>> actual = new ArrayList<>(client.scanPaginator(r -> r.tableName(table)
        .indexName(index).limit(50)).items().stream().toList());
    actual.sort(Comparator.comparing(Object::toString));
    assertThat(actual).as("index %s", index).isEqualTo(expected);
    long count = description.localSecondaryIndexes().stream().filter(i -> i.indexName().equals(index))
        .mapToLong(i -> i.itemCount()).sum() + description.globalSecondaryIndexes().stream()
        .filter(i -> i.indexName().equals(index)).mapToLong(i -> i.itemCount()).sum();
    assertThat(count).as("ItemCount of %s", index).isEqualTo(expected.size());
  }
}
