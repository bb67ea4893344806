package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Global indexes whose key has several partition and sort attributes (DynamoDB's multi-attribute keys, November
 * 2025), through the SDK: creation, writes, sparse entries, queries in tuple order, pagination and online creation.
 *
 * <p>Where the expected messages come from: the key condition ones ("HASH/RANGE key attributes ... must have equality
 * conditions ...") are the service's, verified against AWS by the Parity Suite's multiAttributeGsiKey test; the
 * filter one is dynalite's recording of the service; "Size limit exceeded for Index Key" is the service's as
 * applications quote it (dynalite issue 35); the aggregate size message is DynamoDB Local 3.3.1's, which implements
 * the feature; the type and empty-value messages are dynalite's recordings.
 */
@ShaleDbTest
class MultiAttributeIndexIT {
  private static final String INDEX = "by-round";

  private final DynamoDbClient client;
  private static String table;

  MultiAttributeIndexIT(DynamoDbClient client) {
    this.client = client;
  }

  /**
   * One table for most tests, each test in partitions of its own: keyed by id, with an index whose partition is
   * (tournament S, division N) and whose sort key is (round S, score N, badge B).
   */
  @BeforeAll
  static void createTable(DynamoDbClient client) {
    table = Tables.unique("matches");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("tournament", ScalarAttributeType.S),
            Tables.definition("division", ScalarAttributeType.N),
            Tables.definition("round", ScalarAttributeType.S), Tables.definition("score", ScalarAttributeType.N),
            Tables.definition("badge", ScalarAttributeType.B))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(index(INDEX, ProjectionType.ALL, key("tournament", KeyType.HASH),
            key("division", KeyType.HASH), key("round", KeyType.RANGE), key("score", KeyType.RANGE),
            key("badge", KeyType.RANGE))));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return Tables.key(name, type);
  }

  private static GlobalSecondaryIndex index(String name, ProjectionType projection, KeySchemaElement... keys) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
        .projection(p -> p.projectionType(projection)).build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static AttributeValue b(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return AttributeValue.fromB(SdkBytes.fromByteArray(raw));
  }

  /** An item of the fixture table; a null value leaves that attribute out. */
  private static Map<String, AttributeValue> match(String id, String tournament, String division, String round,
      String score, AttributeValue badge) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", s(id));
    if (tournament != null) {
      item.put("tournament", s(tournament));
    }
    if (division != null) {
      item.put("division", n(division));
    }
    if (round != null) {
      item.put("round", s(round));
    }
    if (score != null) {
      item.put("score", n(score));
    }
    if (badge != null) {
      item.put("badge", badge);
    }
    return item;
  }

  private void put(Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  /**
   * The ids a query of the index returns, page after page; of {@code values}, it sends those the key condition and
   * the filter name (DynamoDB refuses unused ones).
   */
  private List<String> ids(String keyCondition, Map<String, AttributeValue> values,
      Consumer<QueryRequest.Builder> more) {
    List<String> ids = new ArrayList<>();
    client.queryPaginator(r -> {
      r.tableName(table).indexName(INDEX).keyConditionExpression(keyCondition);
      more.accept(r);
      String expressions = keyCondition + " " + r.build().filterExpression();
      Map<String, AttributeValue> used = new HashMap<>(values);
      used.keySet().removeIf(placeholder -> !expressions.matches(".*" + placeholder + "\\b.*"));
      r.expressionAttributeValues(used);
    }).items().forEach(item -> ids.add(item.get("id").s()));
    return ids;
  }

  private List<String> ids(String keyCondition, Map<String, AttributeValue> values) {
    return ids(keyCondition, values, r -> { });
  }

  private static String message(Runnable request) {
    try {
      request.run();
    } catch (DynamoDbException e) {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      return e.awsErrorDetails().errorMessage();
    }
    throw new AssertionError("the request was not refused");
  }

  private String queryRefusal(String keyCondition, Map<String, AttributeValue> values) {
    return message(() -> client.query(r -> r.tableName(table).indexName(INDEX).keyConditionExpression(keyCondition)
        .expressionAttributeValues(values)));
  }

  @Test
  void createTable_fourPartitionAndFourSortAttributes_describesThemInOrder() {
    String name = Tables.unique("eight-keys");
    List<String> hashes = List.of("h1", "h2", "h3", "h4");
    List<String> ranges = List.of("r1", "r2", "r3", "r4");
    List<ScalarAttributeType> types = List.of(ScalarAttributeType.S, ScalarAttributeType.N, ScalarAttributeType.B,
        ScalarAttributeType.S);
    List<software.amazon.awssdk.services.dynamodb.model.AttributeDefinition> definitions = new ArrayList<>();
    definitions.add(Tables.definition("id", ScalarAttributeType.S));
    List<KeySchemaElement> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      definitions.add(Tables.definition(hashes.get(i), types.get(i)));
      definitions.add(Tables.definition(ranges.get(i), types.get(3 - i)));
      keys.add(key(hashes.get(i), KeyType.HASH));
    }
    ranges.forEach(r -> keys.add(key(r, KeyType.RANGE)));
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(definitions)
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(index("eight", ProjectionType.KEYS_ONLY, keys.toArray(KeySchemaElement[]::new))));

    List<KeySchemaElement> described = client.describeTable(r -> r.tableName(name)).table().globalSecondaryIndexes()
        .get(0).keySchema();

    assertThat(described).containsExactlyElementsOf(keys);
  }

  @Test
  void putItem_indexKeyValueItCannotHold_isRefusedNamingTheAttribute() {
    assertThat(message(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", s("bad-type"),
        "division", s("1")))))).isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key"
            + " division Expected: N Actual: S IndexName: by-round");
    assertThat(message(() -> client.putItem(r -> r.tableName(table).item(Map.of("id", s("empty"),
        "round", s("")))))).isEqualTo("One or more parameter values are not valid. A value specified for a"
            + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty"
            + " string value. IndexName: by-round, IndexKey: round");
    assertThat(message(() -> put(match("long", "x".repeat(2049), null, null, null, null)))).isEqualTo("One or more"
        + " parameter values were invalid: Size limit exceeded for Index Key tournament Actual Size: 2049 bytes"
        + " Max Size: 2048 bytes IndexName: by-round");
    assertThat(message(() -> put(match("sum", null, null, "x".repeat(1000), null, b(new int[30]))))).isEqualTo(
        "Aggregate size for RANGE key attributes round, badge of index by-round has exceeded limit 1024 bytes, with"
            + " actual size 1030 bytes");
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("sum")))).hasItem()).isFalse();
  }

  @Test
  void batchWriteItem_oneItemViolatingTheIndexKey_writesNone() {
    List<WriteRequest> writes = List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(match("batch-good", "batch", "1", "a", "1",
            b(1))).build()).build(),
        WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", s("batch-bad"),
            "score", s("high"))).build()).build());

    assertThat(message(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)))))
        .startsWith("One or more parameter values were invalid: Type mismatch for Index Key score");
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("batch-good")))).hasItem()).isFalse();
  }

  @Test
  void index_holdsAnItemOnlyWhileItHasEveryKeyAttribute_andMovesItWithAnyOfThem() {
    Map<String, AttributeValue> partition = Map.of(":t", s("sparse"), ":r", n("7"));
    Map<String, AttributeValue> moved = Map.of(":t", s("sparse"), ":r", n("8"));
    put(match("s1", "sparse", "7", "final", null, b(1)));
    assertThat(ids("tournament = :t AND division = :r", partition)).isEmpty();

    client.updateItem(r -> r.tableName(table).key(Map.of("id", s("s1"))).updateExpression("SET score = :s")
        .expressionAttributeValues(Map.of(":s", n("3"))));
    assertThat(ids("tournament = :t AND division = :r", partition)).containsExactly("s1");

    client.updateItem(r -> r.tableName(table).key(Map.of("id", s("s1"))).updateExpression("SET division = :r")
        .expressionAttributeValues(Map.of(":r", n("8"))));
    assertThat(ids("tournament = :t AND division = :r", partition)).isEmpty();
    assertThat(ids("tournament = :t AND division = :r", moved)).containsExactly("s1");

    client.updateItem(r -> r.tableName(table).key(Map.of("id", s("s1"))).updateExpression("REMOVE badge"));
    assertThat(ids("tournament = :t AND division = :r", moved)).isEmpty();
  }

  /** The fixture of the ordering tests: one partition, sort keys chosen so each attribute's type decides. */
  private void putOrdered(String tournament) {
    put(match("o1", tournament, "1", "b", "1", b(0)));
    put(match("o2", tournament, "1", "a", "10", b(0)));
    put(match("o3", tournament, "1", "a", "9", b(0xFF)));
    put(match("o4", tournament, "1", "a", "9", b(0x7F)));
    put(match("o5", tournament, "1", "a", "-1.5", b(0)));
    put(match("o6", tournament, "1", "ab", "0", b(0)));
    put(match("o7", tournament, "2", "a", "1", b(0)));
  }

  @Test
  void query_returnsAPartitionInTupleOrder_eachSortAttributeComparedByItsType() {
    putOrdered("order");
    Map<String, AttributeValue> partition = Map.of(":t", s("order"), ":r", n("1"));

    assertThat(ids("tournament = :t AND division = :r", partition))
        .containsExactly("o5", "o4", "o3", "o2", "o6", "o1");
    assertThat(ids("tournament = :t AND division = :r", partition, r -> r.scanIndexForward(false)))
        .containsExactly("o1", "o6", "o2", "o3", "o4", "o5");
    assertThat(ids("division = :r AND tournament = :t", partition, r -> r.limit(2)))
        .as("pages of two, each resumed from LastEvaluatedKey").containsExactly("o5", "o4", "o3", "o2", "o6", "o1");
  }

  @Test
  void query_conditionsOnALeadingRunOfSortAttributes_narrowTheRange() {
    putOrdered("narrow");
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":t", s("narrow"), ":r", n("1"), ":a", s("a"),
        ":nine", n("9"), ":lo", n("0"), ":hi", n("9.5")));
    String partition = "tournament = :t AND division = :r";

    assertThat(ids(partition + " AND round = :a", values)).containsExactly("o5", "o4", "o3", "o2");
    assertThat(ids(partition + " AND round = :a AND score = :nine", values)).containsExactly("o4", "o3");
    assertThat(ids(partition + " AND round = :a AND score BETWEEN :lo AND :hi", values)).containsExactly("o4", "o3");
    assertThat(ids(partition + " AND begins_with(round, :a)", values)).containsExactly("o5", "o4", "o3", "o2", "o6");
    assertThat(ids("score > :nine AND round = :a AND " + partition, values)).containsExactly("o2");
    values.put(":top", b(0x80));
    assertThat(ids(partition + " AND round = :a AND score = :nine AND badge >= :top", values)).containsExactly("o3");
  }

  @Test
  void query_withoutEqualitiesDynamoDbRequires_isRefusedNamingTheAttributes() {
    Map<String, AttributeValue> values = Map.of(":t", s("t"), ":r", n("1"), ":a", s("a"), ":n", n("1"));
    assertThat(queryRefusal("round = :a", Map.of(":a", s("a"))))
        .isEqualTo("HASH key attributes tournament, division must have equality conditions specified in the query");
    assertThat(queryRefusal("tournament = :t AND division > :r", Map.of(":t", s("t"), ":r", n("1"))))
        .isEqualTo("HASH key attributes division must have equality conditions specified in the query");
    assertThat(queryRefusal("tournament = :t AND division = :r AND score = :n", Map.of(":t", s("t"), ":r", n("1"),
        ":n", n("1")))).isEqualTo("RANGE key attributes round must have equality conditions specified in the query"
            + " because a condition is present on key attribute score");
    assertThat(queryRefusal("tournament = :t AND division = :r AND round > :a AND score = :n", values))
        .isEqualTo("RANGE key attributes round must have equality conditions specified in the query because a"
            + " condition is present on key attribute score");
  }

  @Test
  void query_filterNamingAnIndexKeyAttribute_isRefused_whileTheTableKeyIsAllowed() {
    putOrdered("filtered");
    Map<String, AttributeValue> values = Map.of(":t", s("filtered"), ":r", n("1"), ":id", s("o2"));
    assertThat(message(() -> client.query(r -> r.tableName(table).indexName(INDEX)
        .keyConditionExpression("tournament = :t AND division = :r").filterExpression("score > :r")
        .expressionAttributeValues(Map.of(":t", s("filtered"), ":r", n("1"))))))
        .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key attribute: score");

    assertThat(ids("tournament = :t AND division = :r", values, r -> r.filterExpression("id = :id")))
        .containsExactly("o2");
  }

  @Test
  void query_consistentReadOrAnIncompleteStartKey_isRefused() {
    Map<String, AttributeValue> values = Map.of(":t", s("t"), ":r", n("1"));
    assertThat(message(() -> client.query(r -> r.tableName(table).indexName(INDEX).consistentRead(true)
        .keyConditionExpression("tournament = :t AND division = :r").expressionAttributeValues(values))))
        .isEqualTo("Consistent reads are not supported on global secondary indexes");
    Map<String, AttributeValue> withoutBadge = Map.of("id", s("o1"), "tournament", s("t"), "division", n("1"),
        "round", s("a"), "score", n("1"));
    assertThat(message(() -> client.query(r -> r.tableName(table).indexName(INDEX).exclusiveStartKey(withoutBadge)
        .keyConditionExpression("tournament = :t AND division = :r").expressionAttributeValues(values))))
        .isEqualTo("The provided starting key is invalid");
  }

  @Test
  void query_legacyKeyConditions_onEveryPartitionAttribute_readTheIndex() {
    putOrdered("legacy");
    QueryResponse page = client.query(r -> r.tableName(table).indexName(INDEX).keyConditions(Map.of(
        "tournament", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("legacy"))
            .build(),
        "division", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(n("1")).build(),
        "round", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a")).build())));

    assertThat(page.items()).extracting(i -> i.get("id").s()).containsExactly("o5", "o4", "o3", "o2");
  }

  @Test
  void scan_ofTheIndex_returnsEveryIndexedItemOnceAcrossPages_withEveryKeyAttributeInLastEvaluatedKey() {
    String name = Tables.unique("scanned");
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("a", ScalarAttributeType.S), Tables.definition("b", ScalarAttributeType.N))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(index("by-ab", ProjectionType.KEYS_ONLY, key("a", KeyType.HASH),
            key("b", KeyType.HASH))));
    for (int i = 0; i < 20; i++) {
      Map<String, AttributeValue> item = new HashMap<>(Map.of("id", s("i" + i), "a", s("p" + i % 3)));
      if (i % 4 != 0) {
        item.put("b", n(String.valueOf(i % 2)));
      }
      client.putItem(r -> r.tableName(name).item(item));
    }

    Map<String, AttributeValue> lastKey = client.scan(r -> r.tableName(name).indexName("by-ab").limit(1))
        .lastEvaluatedKey();
    List<String> scanned = new ArrayList<>();
    client.scanPaginator(r -> r.tableName(name).indexName("by-ab").limit(3)).items()
        .forEach(item -> scanned.add(item.get("id").s()));

    assertThat(lastKey).containsOnlyKeys("id", "a", "b");
    assertThat(scanned).doesNotHaveDuplicates().hasSize(15);
  }

  /** Items written before the index existed, some of which violate its key and are left out by the backfill. */
  private static void putBeforeTheIndex(DynamoDbClient client, String name) {
    for (int i = 0; i < 30; i++) {
      Map<String, AttributeValue> item = new HashMap<>(Map.of("id", s("i" + i), "g", s("group"),
          "h", n(String.valueOf(i % 2)), "seed", n(String.valueOf(30 - i))));
      switch (i) {
        case 3 -> item.put("h", s("not a number"));
        case 4 -> item.put("g", s("x".repeat(2047)));
        case 5 -> item.put("g", s("x".repeat(2049)));
        case 6 -> item.remove("seed");
        default -> { }
      }
      client.putItem(r -> r.tableName(name).item(item));
    }
  }

  private static void addIndex(DynamoDbClient client, String name) {
    client.updateTable(r -> r.tableName(name)
        .attributeDefinitions(Tables.definition("g", ScalarAttributeType.S), Tables.definition("h",
            ScalarAttributeType.N), Tables.definition("seed", ScalarAttributeType.N))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-rank")
            .keySchema(key("g", KeyType.HASH), key("h", KeyType.HASH), key("seed", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))).build()));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!client.describeTable(r -> r.tableName(name)).table().globalSecondaryIndexes().get(0)
        .indexStatusAsString().equals("ACTIVE")) {
      assertThat(Instant.now()).as("the index became ACTIVE in time").isBefore(deadline);
      Thread.onSpinWait();
    }
  }

  /** The ids of partition (group, h) of the online index, in seed order. */
  private static List<String> ranked(DynamoDbClient client, String name, int h) {
    List<String> ids = new ArrayList<>();
    client.queryPaginator(r -> r.tableName(name).indexName("by-rank").keyConditionExpression("g = :g AND h = :h")
        .expressionAttributeValues(Map.of(":g", s("group"), ":h", n(String.valueOf(h))))).items()
        .forEach(item -> ids.add(item.get("id").s()));
    return ids;
  }

  /** Odd ids from 29 down, lowest seed first, without the items that violate the key or lack an attribute. */
  private static final List<String> ODD_BY_SEED = List.of("i29", "i27", "i25", "i23", "i21", "i19", "i17", "i15",
      "i13", "i11", "i9", "i7", "i1");

  @Test
  void updateTable_multiAttributeIndexOnATableWithItems_backfillsEveryIndexableItem() {
    String name = Tables.create(client, "backfilled", "id", ScalarAttributeType.S, null, null);
    putBeforeTheIndex(client, name);

    addIndex(client, name);

    assertThat(ranked(client, name, 1)).containsExactlyElementsOf(ODD_BY_SEED);
    assertThat(ranked(client, name, 0)).hasSize(13).doesNotContain("i6");
    assertThat(client.describeTable(r -> r.tableName(name)).table().globalSecondaryIndexes().get(0).itemCount())
        .as("all but a wrong type, a value too long, values too long together, and a missing attribute")
        .isEqualTo(26);
  }

  /** The durable engine: the index is built on RocksDB, and its key schema and entries survive a restart. */
  @Test
  void multiAttributeIndex_onRocksDb_isBackfilledAndSurvivesARestart(@TempDir Path data) throws Exception {
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient durable = server.client()) {
      durable.createTable(r -> r.tableName("ranked").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)));
      putBeforeTheIndex(durable, "ranked");
      addIndex(durable, "ranked");
      server.stop();
    }
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient durable = server.client()) {
      assertThat(durable.describeTable(r -> r.tableName("ranked")).table().globalSecondaryIndexes().get(0)
          .keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("g", "h", "seed");
      assertThat(ranked(durable, "ranked", 1)).containsExactlyElementsOf(ODD_BY_SEED);
      assertThatThrownBy(() -> durable.putItem(r -> r.tableName("ranked").item(Map.of("id", s("late"),
          "seed", s("first"))))).hasMessageContaining("Type mismatch for Index Key seed");
    }
  }
}
